/* The input of fuzz_commands: a header saying how kpage reads the dump and
 * which commands run, then edits of 16 bytes each, applied in order to the
 * fixture dump held in memory (its VMCOREINFO text, its struct zones,
 * pglist_data, free-list heads and struct pages). Fields are little-endian;
 * an input cut short in an edit drops that edit. */
#ifndef KPAGE_COMMANDS_INPUT_H
#define KPAGE_COMMANDS_INPUT_H

#include <stdint.h>

/* header.mode bits */
#define FC_VMCI_ONLY 0x01u       /* --vmcoreinfo-only (else the fixture's vmlinux) */
#define FC_JSON 0x02u            /* --json */
#define FC_TWO_THREADS 0x04u     /* KPAGE_THREADS=2 (else 1) */

/* header.commands bits (0: every command) */
enum {
	FC_CMD_ZONES, FC_CMD_FREE, FC_CMD_FREE_NO_SCAN, FC_CMD_STAT, FC_CMD_MAP,
	FC_CMD_ALLOC_CHECK, FC_CMD_PAGE, FC__CMD_COUNT
};

struct fc_header {               /* 8 bytes */
	uint8_t mode;
	uint8_t commands;
	uint8_t alloc_order;         /* alloc-check ORDER: value % 11 */
	uint8_t pad;
	uint32_t pfn;                /* page PFN: the nodes' pfns one after the other,
					then 1024 past the last: value % their count */
} __attribute__((packed));

/* edit.what % FC__EDIT_COUNT */
enum {
	FC_EDIT_VMCI_LINE,   /* line sel % lines; op % 8: FC_LINE_* */
	FC_EDIT_VMCI_NEW,    /* a line KEY=value, KEY extra_keys[sel % n] (op as above) */
	FC_EDIT_ZONE,        /* zone sel % zones, byte off % sizeof(struct zone) */
	FC_EDIT_PGDAT,       /* node sel % nodes, byte off % sizeof(pglist_data) */
	FC_EDIT_FREE_HEAD,   /* zone sel % zones: free_area[off % orders] .free_list[
				(off >> 8) % migratetypes] .next / .prev / free_area's
				nr_free for (off >> 16) % 3 = 0 / 1 / 2 */
	FC_EDIT_PAGE,        /* struct page of pfn off % max_pfn, byte sel % its size */
	FC_EDIT_GLOBAL,      /* global sel % 4: node_data[0..1], the mem_section
				pointer, nr_cpu_ids, __per_cpu_offset[0..1]; byte off % its size */
	FC_EDIT_SECTION,     /* struct mem_section sel % 64 of the first root, byte off % 16 */
	FC__EDIT_COUNT
};

/* VMCOREINFO edits (op % 8): what becomes of the line's value */
enum {
	FC_LINE_SET,         /* value (hex for SYMBOL, KERNELOFFSET, BUILD-ID) */
	FC_LINE_ADD,         /* old value + (int64)value */
	FC_LINE_DELETE,      /* the line goes */
	FC_LINE_POW2,        /* 1 << (value % 64) */
	FC_LINE_NEGATIVE,    /* -(value % 4096) */
	FC_LINE_SMALL,       /* value % 4096 */
	FC_LINE_REPEAT,      /* the line stays; a second line with its key and value */
	FC_LINE_GARBAGE,     /* the value becomes text that is no number */
};

/* Memory edits: op & 3 gives the width (1 << it bytes), (op >> 2) % 8 the
 * value written */
enum {
	FC_MEM_SET,          /* value */
	FC_MEM_ADD,          /* old + value */
	FC_MEM_XOR,          /* old ^ value */
	FC_MEM_PAGE_ADDR,    /* &mem_map[value % max_pfn], + the free-list member
				when bit 32 of value is set */
	FC_MEM_POW2,         /* 1 << (value % 64) */
	FC_MEM_NEGATIVE,     /* -(value % 4096) */
	FC_MEM_SELF,         /* the edited object's own address + value % its size */
	FC_MEM_SMALL,        /* value % 65536 */
};

struct fc_edit {                 /* 16 bytes */
	uint8_t what;
	uint8_t op;
	uint16_t sel;
	uint32_t off;
	uint64_t value;
} __attribute__((packed));

#define FC_MAX_EDITS 64

#endif
