#!/bin/busybox sh
# /init of the kpage test guest: load the modules, make varied memory state
# (memload), record the kernel's own view of it on the virtio disk /dev/vda
# (a tar), then say KPAGE-READY on the console and stay idle for the dump.
/bin/busybox --install -s /bin
mount -t proc proc /proc
mount -t sysfs sys /sys
mount -t devtmpfs dev /dev 2>/dev/null
mount -t tmpfs tmp /tmp
for m in $(cat /modules.order); do insmod "/modules/$m" 2>/dev/null; done
echo 8 > /proc/sys/vm/nr_hugepages
echo always > /sys/kernel/mm/transparent_hugepage/enabled 2>/dev/null
/bin/memload /tmp/memload.ready &
i=0
while [ ! -f /tmp/memload.ready ] && [ $i -lt 300 ]; do sleep 0.1; i=$((i + 1)); done
# Owners (the variants tier.py boots with kpage_owners=DISK, that disk an
# ext4 image of tier.py's OWNER_FILES): memory cgroups charged known amounts
# (kpA: 24 MiB anon without THP + 12 MiB tmpfs and 20000 empty tmpfs files,
# their inodes and dentries its slab; kpB: 6 MiB tmpfs and 3 MiB of ext4 page
# cache written/read by processes that exited, then kpB/sub: 40 MiB anon, THP
# allowed, + 2 MiB tmpfs), tmpfs and ext4 files in the page cache, read whole
# or in part. compare_owners.py checks kpage's `top` against the records.
O=/bin/owners
CG=/sys/fs/cgroup
if [ -n "$kpage_owners" ]; then
	mkdir -p $CG /tmp/kp /tmp/kpfiles /mnt/kpe
	mount -t cgroup2 none $CG
	echo +memory > $CG/cgroup.subtree_control
	mkdir $CG/kpA $CG/kpB
	mount -t ext4 -o ro "/dev/$kpage_owners" /mnt/kpe
	# The command moves itself into the group, then is the owner.
	sh -c "echo \$\$ > $CG/kpA/cgroup.procs && exec $O hog 24 1 /tmp/kp/A.tmp 12 /tmp/kp/A.ready" &
	sh -c "echo \$\$ > $CG/kpA/cgroup.procs && exec $O mkfiles /tmp/kpfiles 20000"
	sh -c "echo \$\$ > $CG/kpB/cgroup.procs && exec $O write /tmp/kp/B.tmp 6291456"
	sh -c "echo \$\$ > $CG/kpB/cgroup.procs && exec $O read /mnt/kpe/big3 0 3145728"
	echo +memory > $CG/kpB/cgroup.subtree_control
	mkdir $CG/kpB/sub
	sh -c "echo \$\$ > $CG/kpB/sub/cgroup.procs && exec $O hog 40 0 /tmp/kp/Bsub.tmp 2 /tmp/kp/Bsub.ready" &
	# In the root group: a tmpfs file of 256 pages and 123 bytes, the first
	# MiB of a 5 MiB ext4 file, a small ext4 file whole.
	$O write /tmp/kp/root.tmp 1048699
	$O read /mnt/kpe/dir/part5 0 1048576
	$O read /mnt/kpe/dir/deep/small 0 5000
	i=0
	while [ ! -f /tmp/kp/A.ready ] || [ ! -f /tmp/kp/Bsub.ready ]; do
		[ $i -lt 300 ] || break
		sleep 0.1; i=$((i + 1))
	done
fi
mkdir /tmp/truth
cd /tmp/truth
for f in buddyinfo pagetypeinfo zoneinfo meminfo vmstat iomem; do cat /proc/$f > $f; done
ls /sys/devices/system/node > nodes 2>/dev/null
uname -r > release
# Live variant: kpage on this kernel's own /proc/kcore, the vmlinux on vdb
# (ext4);
# /proc/buddyinfo read right after each walk for comparison.
if [ -x /bin/kpage ]; then
	mkdir -p /dbg && mount -t ext4 -o ro /dev/vdb /dbg
	K="/bin/kpage --vmlinux /dbg/vmlinux --core /proc/kcore"
	$K --json free > live-free.json 2> live-free.err; echo $? > live-free.rc
	cat /proc/buddyinfo > live-buddyinfo
	$K --json stat > live-stat.json 2> live-stat.err; echo $? > live-stat.rc
	$K -v zones > live-zones.txt 2> live-zones.err; echo $? > live-zones.rc
	# And with nothing but the running kernel's own BTF.
	B="/bin/kpage --btf /sys/kernel/btf/vmlinux --core /proc/kcore"
	$B --json stat > live-btf-stat.json 2> live-btf-stat.err; echo $? > live-btf-stat.rc
	$B --json free > live-btf-free.json 2> live-btf-free.err; echo $? > live-btf-free.rc
	cat /proc/buddyinfo > live-btf-buddyinfo
	# And with nothing but the VMCOREINFO note of /proc/kcore.
	C="/bin/kpage --vmcoreinfo-only --core /proc/kcore"
	$C --json stat > live-vmci-stat.json 2> live-vmci-stat.err; echo $? > live-vmci-stat.rc
	$C --json free > live-vmci-free.json 2> live-vmci-free.err; echo $? > live-vmci-free.rc
	cat /proc/buddyinfo > live-vmci-buddyinfo
fi
# The owners' records, last before the tar: slab caches, each group's
# counters, each file's inode and residency (mincore).
if [ -n "$kpage_owners" ]; then
	mkdir owners
	for g in kpA kpB kpB/sub; do
		mkdir -p owners/memcg/$g
		for f in memory.stat memory.current cgroup.procs; do cat $CG/$g/$f > owners/memcg/$g/$f; done
	done
	cat $CG/memory.stat > owners/memcg/root.memory.stat 2>/dev/null
	$O info /tmp/kp/A.tmp /tmp/kp/B.tmp /tmp/kp/Bsub.tmp /tmp/kp/root.tmp /tmp/kpfiles/f00000 \
		/mnt/kpe/big3 /mnt/kpe/dir/part5 /mnt/kpe/dir/deep/small > owners/files 2> owners/files.err
	ls /tmp/kpfiles | wc -l > owners/kpfiles.count
	cat /proc/slabinfo > owners/slabinfo
fi
tar cf /dev/vda .
sync
# The per-pfn truth last, closest to the dump, straight to the raw disk at
# 16 and 32 MiB (a copy in tmpfs would itself allocate 1000s of pages); the
# byte counts go to the console.
n1=$(wc -c < /proc/kpageflags)
n2=$(wc -c < /proc/kpagecount)
dd if=/proc/kpageflags of=/dev/vda bs=1M seek=16 2>/dev/null
dd if=/proc/kpagecount of=/dev/vda bs=1M seek=32 2>/dev/null
sync
mount -t debugfs debugfs /sys/kernel/debug 2>/dev/null
echo "KPAGE-SIZES $n1 $n2"
cat /proc/buddyinfo
echo KPAGE-UNUSABLE
cat /sys/kernel/debug/extfrag/unusable_index
echo KPAGE-EXTFRAG
cat /sys/kernel/debug/extfrag/extfrag_index
echo KPAGE-PAGETYPEINFO
cat /proc/pagetypeinfo
# Slab caches once more, the last record before the dump (the tar's copy
# was taken before the tar, dd and sync).
echo KPAGE-SLABINFO
cat /proc/slabinfo
echo KPAGE-END
echo KPAGE-READY
while true; do sleep 3600; done
