/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Tracepoints of kbeam.ko (events/kbeam/ in tracefs), for perf, bpftrace
 * and libbpf tools: schedulers attaching, parking and being kicked, and
 * memory regions made and freed (a process's birth and death once its
 * heap lives in a region).
 */
#undef TRACE_SYSTEM
#define TRACE_SYSTEM kbeam

#if !defined(_KBEAM_TRACE_H) || defined(TRACE_HEADER_MULTI_READ)
#define _KBEAM_TRACE_H

#include <linux/tracepoint.h>

TRACE_EVENT(kbeam_attach,
	TP_PROTO(unsigned int cpu),
	TP_ARGS(cpu),
	TP_STRUCT__entry(__field(unsigned int, cpu)),
	TP_fast_assign(__entry->cpu = cpu;),
	TP_printk("cpu=%u", __entry->cpu)
);

TRACE_EVENT(kbeam_park,
	TP_PROTO(unsigned int cpu, s64 timeout_ns, bool uring),
	TP_ARGS(cpu, timeout_ns, uring),
	TP_STRUCT__entry(__field(unsigned int, cpu)
			 __field(s64, timeout_ns)
			 __field(bool, uring)),
	TP_fast_assign(__entry->cpu = cpu;
		       __entry->timeout_ns = timeout_ns;
		       __entry->uring = uring;),
	TP_printk("cpu=%u timeout_ns=%lld via=%s", __entry->cpu, __entry->timeout_ns,
		  __entry->uring ? "uring_cmd" : "ioctl")
);

TRACE_EVENT(kbeam_kick,
	TP_PROTO(unsigned int cpu),
	TP_ARGS(cpu),
	TP_STRUCT__entry(__field(unsigned int, cpu)),
	TP_fast_assign(__entry->cpu = cpu;),
	TP_printk("cpu=%u", __entry->cpu)
);

DECLARE_EVENT_CLASS(kbeam_region_class,
	TP_PROTO(u32 id, u64 size),
	TP_ARGS(id, size),
	TP_STRUCT__entry(__field(u32, id)
			 __field(u64, size)),
	TP_fast_assign(__entry->id = id;
		       __entry->size = size;),
	TP_printk("id=%u size=%llu", __entry->id, __entry->size)
);

DEFINE_EVENT(kbeam_region_class, kbeam_region_alloc,
	TP_PROTO(u32 id, u64 size),
	TP_ARGS(id, size)
);

DEFINE_EVENT(kbeam_region_class, kbeam_region_free,
	TP_PROTO(u32 id, u64 size),
	TP_ARGS(id, size)
);

#endif /* _KBEAM_TRACE_H */

#undef TRACE_INCLUDE_PATH
#define TRACE_INCLUDE_PATH .
#undef TRACE_INCLUDE_FILE
#define TRACE_INCLUDE_FILE kbeam_trace
#include <trace/define_trace.h>
