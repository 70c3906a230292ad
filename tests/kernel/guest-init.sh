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
echo KPAGE-END
echo KPAGE-READY
while true; do sleep 3600; done
