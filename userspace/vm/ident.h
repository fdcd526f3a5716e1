/* Pids, ports and references: layouts of the boxed forms.
 *
 * Local pids and ports are immediates (term.h). The node this VM runs as is
 * 'nonode@nohost' with creation 0 until distribution exists; a pid, port or
 * reference decoded with that node name and creation becomes local.
 *
 *   local ref     header(1 + nwords, REF), count, ids...
 *   external pid  header(4, EXTERNAL_PID), node atom, creation, number, serial
 *   external port header(3, EXTERNAL_PORT), node atom, creation, id
 *   external ref  header(3 + nwords, EXTERNAL_REF), node atom, creation, count, ids...
 * A reference's ids are `count` 32-bit numbers (3 for an ordinary ref, up to
 * 5 as OTP allows), stored two per word, least significant word first:
 * id i is bits 32*(i%2) of word i/2.
 */
#ifndef KBEAM_VM_IDENT_H
#define KBEAM_VM_IDENT_H

#include "atom.h"

#define REF_MAX_IDS 5
#define LOCAL_NODE_CREATION 0u

static inline term local_node_name(void) { return ATOM(nonode_nohost); }

static inline size_t ref_id_words(unsigned count) { return (count + 1) / 2; }

/* Accessors that work for local and external refs. */
static inline unsigned ref_count(term r)
{
	term *p = boxed_ptr(r);
	return (unsigned)(header_subtag(p[0]) == SUBTAG_REF ? p[1] : p[3]);
}
static inline const term *ref_id_base(term r)
{
	term *p = boxed_ptr(r);
	return header_subtag(p[0]) == SUBTAG_REF ? p + 2 : p + 4;
}
static inline uint32_t ref_id(term r, unsigned i)
{
	return (uint32_t)(ref_id_base(r)[i / 2] >> (32 * (i % 2)));
}

/* Node and creation of any pid, port or ref (the local node for locals). */
static inline term ident_node(term t)
{
	if (is_immed(t) || header_subtag(boxed_header(t)) == SUBTAG_REF)
		return local_node_name();
	return boxed_ptr(t)[1];
}
static inline uint32_t ident_creation(term t)
{
	if (is_immed(t) || header_subtag(boxed_header(t)) == SUBTAG_REF)
		return LOCAL_NODE_CREATION;
	return (uint32_t)boxed_ptr(t)[2];
}

/* Number, serial and port id, for local and external forms. */
static inline uint32_t pid_number(term p)
{
	return is_local_pid(p) ? local_pid_number(p) : (uint32_t)boxed_ptr(p)[3];
}
static inline uint32_t pid_serial(term p)
{
	return is_local_pid(p) ? local_pid_serial(p) : (uint32_t)boxed_ptr(p)[4];
}
static inline uint64_t port_id(term p)
{
	return is_local_port(p) ? local_port_data(p) : boxed_ptr(p)[3];
}

#endif
