/* Loader benchmark: loads every .beam file given (parse and decode fully:
 * chunks, every instruction and operand, literals, lines, types, fun
 * entries), then frees it; repeats the pass over all files and prints the
 * time per pass. Files are read into memory first, so the figure is the
 * loader's own work.
 *
 *   bench_loader [-n PASSES] FILE.beam...
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "loader/module.h"
#include "vm/atom.h"

typedef struct image {
	const char *path;
	uint8_t *data;
	size_t size;
} image;

static double now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static bool read_image(image *im)
{
	FILE *f = fopen(im->path, "rb");
	if (!f)
		return false;
	bool ok = fseek(f, 0, SEEK_END) == 0;
	long n = ok ? ftell(f) : -1;
	ok = n >= 0 && fseek(f, 0, SEEK_SET) == 0;
	im->size = ok ? (size_t)n : 0;
	im->data = ok ? malloc(im->size ? im->size : 1) : NULL;
	ok = im->data && fread(im->data, 1, im->size, f) == im->size;
	fclose(f);
	return ok;
}

/* One pass: load and free every image; false if one fails to load. */
static bool pass(image *ims, int n, uint64_t *instrs)
{
	*instrs = 0;
	for (int i = 0; i < n; i++) {
		kb_load_error err;
		kb_module *m = module_load_memory(ims[i].data, ims[i].size, &err);
		if (!m) {
			fprintf(stderr, "bench_loader: %s: %s\n", ims[i].path, err.msg);
			return false;
		}
		*instrs += m->ninstrs;
		module_free(m);
	}
	return true;
}

int main(int argc, char **argv)
{
	int passes = 10, first = 1;
	if (argc > 2 && strcmp(argv[1], "-n") == 0) {
		passes = atoi(argv[2]);
		first = 3;
	}
	int n = argc - first;
	if (n <= 0 || passes <= 0) {
		fprintf(stderr, "usage: bench_loader [-n PASSES] FILE.beam...\n");
		return 2;
	}
	image *ims = calloc((size_t)n, sizeof *ims);
	if (!ims)
		return 1;
	size_t bytes = 0;
	for (int i = 0; i < n; i++) {
		ims[i].path = argv[first + i];
		if (!read_image(&ims[i])) {
			fprintf(stderr, "bench_loader: %s: cannot read\n", ims[i].path);
			return 1;
		}
		bytes += ims[i].size;
	}
	atom_table_init();

	/* The first pass also creates the atoms and fun entries. */
	uint64_t instrs;
	double t0 = now_ms();
	if (!pass(ims, n, &instrs))
		return 1;
	double first_ms = now_ms() - t0;

	double best = 1e300, total = 0;
	for (int p = 0; p < passes; p++) {
		t0 = now_ms();
		if (!pass(ims, n, &instrs))
			return 1;
		double ms = now_ms() - t0;
		total += ms;
		if (ms < best)
			best = ms;
	}
	printf("loader: %d files, %.1f MB, %llu instructions\n", n, bytes / 1e6,
	       (unsigned long long)instrs);
	printf("loader: first pass %.1f ms (creates atoms and fun entries)\n", first_ms);
	printf("loader: per full pass over all files: %.1f ms mean, %.1f ms best (%d passes)\n",
	       total / passes, best, passes);
	for (int i = 0; i < n; i++)
		free(ims[i].data);
	free(ims);
	return 0;
}
