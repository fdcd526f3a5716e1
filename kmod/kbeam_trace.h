/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Tracepoints of kbeam.ko (events/kbeam/ in tracefs), for perf, bpftrace
 * and libbpf tools: schedulers attaching, parking and being kicked, and
 * memory regions made and freed, and processes spawned and ended (from
 * the schedulers' event rings, kbeam_events.c: each with the time it
 * happened, fired at most a tick later).
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

TRACE_EVENT(kbeam_spawn,
	TP_PROTO(unsigned int cpu, u64 time_ns, u32 number, u32 serial, u32 parent_number,
		 u32 parent_serial),
	TP_ARGS(cpu, time_ns, number, serial, parent_number, parent_serial),
	TP_STRUCT__entry(__field(unsigned int, cpu)
			 __field(u64, time_ns)
			 __field(u32, number)
			 __field(u32, serial)
			 __field(u32, parent_number)
			 __field(u32, parent_serial)),
	TP_fast_assign(__entry->cpu = cpu;
		       __entry->time_ns = time_ns;
		       __entry->number = number;
		       __entry->serial = serial;
		       __entry->parent_number = parent_number;
		       __entry->parent_serial = parent_serial;),
	TP_printk("cpu=%u time_ns=%llu pid=<0.%u.%u> parent=<0.%u.%u>", __entry->cpu,
		  __entry->time_ns, __entry->number, __entry->serial, __entry->parent_number,
		  __entry->parent_serial)
);

TRACE_EVENT(kbeam_exit,
	TP_PROTO(unsigned int cpu, u64 time_ns, u32 number, u32 serial, bool normal),
	TP_ARGS(cpu, time_ns, number, serial, normal),
	TP_STRUCT__entry(__field(unsigned int, cpu)
			 __field(u64, time_ns)
			 __field(u32, number)
			 __field(u32, serial)
			 __field(bool, normal)),
	TP_fast_assign(__entry->cpu = cpu;
		       __entry->time_ns = time_ns;
		       __entry->number = number;
		       __entry->serial = serial;
		       __entry->normal = normal;),
	TP_printk("cpu=%u time_ns=%llu pid=<0.%u.%u> reason=%s", __entry->cpu,
		  __entry->time_ns, __entry->number, __entry->serial,
		  __entry->normal ? "normal" : "other")
);

#endif /* _KBEAM_TRACE_H */

#undef TRACE_INCLUDE_PATH
#define TRACE_INCLUDE_PATH .
#undef TRACE_INCLUDE_FILE
#define TRACE_INCLUDE_FILE kbeam_trace
#include <trace/define_trace.h>
