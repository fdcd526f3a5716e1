/* The tables of a .beam: atoms (AtU8, or Atom before OTP 21), imports
 * (ImpT), exports (ExpT), local functions (LocT) and lambdas (FunT). */
#include <stdlib.h>

#include "compact.h"
#include "load.h"
#include "vm/atom.h"

#define MAX_ARITY 255

/* The count at the start of a table of fixed-size entries, checked against
 * the chunk's size. */
static bool table_count(loader *ld, enum chunk_id id, uint32_t entry_size, uint32_t *count)
{
	const beam_chunk *c = &ld->chunks[id];
	if (c->size < 4)
		return load_fail(ld, "chunk %s: too short for its count", chunk_names[id]);
	uint32_t n = be32(c->data);
	if ((uint64_t)n * entry_size != c->size - 4)
		return load_fail(ld, "chunk %s: %u entries need %llu bytes, the chunk has %u",
		                 chunk_names[id], n, (unsigned long long)n * entry_size + 4,
		                 c->size);
	*count = n;
	return true;
}

static bool atom_ref(loader *ld, enum chunk_id id, uint32_t entry, uint32_t index, term *out)
{
	if (index < 1 || index > ld->m->natoms)
		return load_fail(
		    ld, "chunk %s: entry %u: atom index %u out of range (module has %u atoms)",
		    chunk_names[id], entry, index, ld->m->natoms);
	*out = ld->m->atoms[index];
	return true;
}

bool load_atoms(loader *ld)
{
	kb_module *m = ld->m;
	enum chunk_id id = ld->chunks[CH_ATU8].present ? CH_ATU8 : CH_ATOM;
	const beam_chunk *c = &ld->chunks[id];
	const char *name = chunk_names[id];
	if (c->size < 4)
		return load_fail(ld, "chunk %s: too short for its count", name);
	/* A negative count (OTP 26 and later) announces lengths written as
	 * compact numbers instead of single bytes. */
	int32_t count = (int32_t)be32(c->data);
	bool long_names = count < 0;
	uint32_t n = long_names ? (uint32_t)0 - (uint32_t)count : (uint32_t)count;
	const uint8_t *p = c->data + 4, *end = c->data + c->size;
	if (n == 0)
		return load_fail(ld, "chunk %s: no atoms (the module name is atom 1)", name);
	if (n > (size_t)(end - p))
		return load_fail(ld, "chunk %s: %u atoms cannot fit in %u bytes", name, n, c->size);
	m->atoms = malloc(((size_t)n + 1) * sizeof(term));
	if (!m->atoms)
		return load_fail(ld, "out of memory");
	m->atoms[0] = NIL;
	for (uint32_t i = 1; i <= n; i++) {
		size_t len;
		if (long_names) {
			compact_value v;
			const char *e = compact_read(&p, end, &v);
			if (e || v.tag != CTAG_U || v.nbytes)
				return load_fail(ld, "chunk %s: atom %u: bad length", name, i);
			len = v.value;
		} else {
			if (p >= end)
				return load_fail(ld, "chunk %s: atom %u: truncated", name, i);
			len = *p++;
		}
		if (len > (size_t)(end - p))
			return load_fail(ld, "chunk %s: atom %u: truncated", name, i);
		atom_status s = id == CH_ATU8 ? atom_put((const char *)p, len, &m->atoms[i])
		                              : atom_put_latin1(p, len, &m->atoms[i]);
		if (s != ATOM_OK)
			return load_fail(ld, "chunk %s: atom %u: %s", name, i, atom_status_text(s));
		m->natoms = i;
		p += len;
	}
	if (p != end)
		return load_fail(ld, "chunk %s: %zu bytes after the last atom", name,
		                 (size_t)(end - p));
	m->name = m->atoms[1];
	return true;
}

bool load_imports(loader *ld)
{
	kb_module *m = ld->m;
	uint32_t n;
	if (!table_count(ld, CH_IMPT, 12, &n))
		return false;
	m->imports = malloc(((size_t)n + 1) * sizeof *m->imports);
	if (!m->imports)
		return load_fail(ld, "out of memory");
	const uint8_t *p = ld->chunks[CH_IMPT].data + 4;
	for (uint32_t i = 0; i < n; i++, p += 12) {
		kb_import *imp = &m->imports[i];
		if (!atom_ref(ld, CH_IMPT, i, be32(p), &imp->module) ||
		    !atom_ref(ld, CH_IMPT, i, be32(p + 4), &imp->function))
			return false;
		imp->arity = be32(p + 8);
		if (imp->arity > MAX_ARITY)
			return load_fail(ld, "chunk ImpT: entry %u: arity %u is above %u", i,
			                 imp->arity, MAX_ARITY);
		m->nimports = i + 1;
	}
	return true;
}

/* ExpT and LocT: function atom, arity, entry label. */
bool load_exports(loader *ld, enum chunk_id id)
{
	kb_module *m = ld->m;
	uint32_t n;
	if (!table_count(ld, id, 12, &n))
		return false;
	kb_export *t = malloc(((size_t)n + 1) * sizeof *t);
	if (!t)
		return load_fail(ld, "out of memory");
	if (id == CH_EXPT)
		m->exports = t;
	else
		m->locals = t;
	const uint8_t *p = ld->chunks[id].data + 4;
	for (uint32_t i = 0; i < n; i++, p += 12) {
		if (!atom_ref(ld, id, i, be32(p), &t[i].function))
			return false;
		t[i].arity = be32(p + 4);
		t[i].label = be32(p + 8);
		t[i].function_index = UINT32_MAX;
		if (t[i].arity > MAX_ARITY)
			return load_fail(ld, "chunk %s: entry %u: arity %u is above %u",
			                 chunk_names[id], i, t[i].arity, MAX_ARITY);
		if (t[i].label == 0 || t[i].label >= m->label_count)
			return load_fail(
			    ld, "chunk %s: entry %u: label %u out of range (module has %u labels)",
			    chunk_names[id], i, t[i].label, m->label_count);
		if (id == CH_EXPT)
			m->nexports = i + 1;
		else
			m->nlocals = i + 1;
	}
	return true;
}

/* FunT: function atom, arity, label, index, free variables, old uniq. */
bool load_lambdas(loader *ld)
{
	kb_module *m = ld->m;
	uint32_t n;
	if (!table_count(ld, CH_FUNT, 24, &n))
		return false;
	m->lambdas = malloc(((size_t)n + 1) * sizeof *m->lambdas);
	if (!m->lambdas)
		return load_fail(ld, "out of memory");
	const uint8_t *p = ld->chunks[CH_FUNT].data + 4;
	for (uint32_t i = 0; i < n; i++, p += 24) {
		kb_lambda *l = &m->lambdas[i];
		if (!atom_ref(ld, CH_FUNT, i, be32(p), &l->function))
			return false;
		l->arity = be32(p + 4);
		l->label = be32(p + 8);
		l->index = be32(p + 12);
		l->num_free = be32(p + 16);
		l->old_uniq = be32(p + 20);
		l->entry = NULL;
		if (l->arity > MAX_ARITY || l->num_free > l->arity)
			return load_fail(ld,
			                 "chunk FunT: entry %u: arity %u with %u free variables", i,
			                 l->arity, l->num_free);
		if (l->label == 0 || l->label >= m->label_count)
			return load_fail(
			    ld,
			    "chunk FunT: entry %u: label %u out of range (module has %u labels)", i,
			    l->label, m->label_count);
		m->nlambdas = i + 1;
	}
	return true;
}

/* The global fun entries: they need the module's MD5. */
bool load_fun_entries(loader *ld)
{
	kb_module *m = ld->m;
	for (uint32_t i = 0; i < m->nlambdas; i++) {
		kb_lambda *l = &m->lambdas[i];
		l->entry = fun_entry_get(m->name, m->md5, l->index, l->old_uniq,
		                         l->arity - l->num_free, l->num_free, l->function);
		if (!l->entry)
			return load_fail(ld, "out of memory");
	}
	return true;
}
