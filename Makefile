# kbeam: `make` builds build/bin/kbeam; `make run` and `make check` also
# install what is missing first (scripts/install-deps.sh).

CC ?= gcc
CLANG ?= clang
BUILD := build

SRC_DIRS := userspace/vm userspace/loader userspace/jit userspace/bif userspace/io userspace/platform
LIB_SRCS := $(foreach d,$(SRC_DIRS),$(wildcard $(d)/*.c))
LAUNCHER_SRCS := $(wildcard userspace/launcher/*.c)
UNIT_SRCS := $(wildcard tests/unit/test_*.c)
FUZZ_SRCS := $(wildcard tests/fuzz/fuzz_*.c)
BENCH_SRCS := $(wildcard tests/bench/bench_*.c)

WARN := -Wall -Wextra -Werror
CPPFLAGS := -D_GNU_SOURCE -Iuserspace -Iinclude
CFLAGS := -std=c11 -O2 -g $(WARN) -MMD -MP
LDLIBS := -lz -luring -lpthread -lm
SAN := -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer

# Plain build
OBJ := $(BUILD)/obj
LIB_OBJS := $(LIB_SRCS:%.c=$(OBJ)/%.o)
LAUNCHER_OBJS := $(LAUNCHER_SRCS:%.c=$(OBJ)/%.o)
UNIT_BINS := $(UNIT_SRCS:tests/unit/%.c=$(BUILD)/tests/%)
BENCH_BINS := $(BENCH_SRCS:tests/bench/%.c=$(BUILD)/bench/%)
LIB := $(BUILD)/libkbeam.a

# ASan+UBSan build (clang), of the library, the launcher and the unit tests
AOBJ := $(BUILD)/asan/obj
ALIB_OBJS := $(LIB_SRCS:%.c=$(AOBJ)/%.o)
ALAUNCHER_OBJS := $(LAUNCHER_SRCS:%.c=$(AOBJ)/%.o)
ALIB := $(BUILD)/asan/libkbeam.a
AUNIT_BINS := $(UNIT_SRCS:tests/unit/%.c=$(BUILD)/asan/tests/%)

# libFuzzer build (clang)
FOBJ := $(BUILD)/fuzz/obj
FLIB_OBJS := $(LIB_SRCS:%.c=$(FOBJ)/%.o)
FLIB := $(BUILD)/fuzz/libkbeam.a
FUZZ_BINS := $(FUZZ_SRCS:tests/fuzz/%.c=$(BUILD)/fuzz/%)

# The kernel module, built against Debian's linux-headers (the build
# machine's own kernel cannot load modules), and its kselftest-harness
# tests, static so that the QEMU guest needs no libraries for them.
KDIR ?= $(lastword $(sort $(wildcard /usr/src/linux-headers-*-amd64)))
KMOD_SRCS := $(wildcard kmod/*.c kmod/*.h) kmod/Kbuild include/uapi/linux/kbeam.h
KSELFTEST_SRCS := $(wildcard tests/kselftest/*_test.c)
KSELFTEST_BINS := $(KSELFTEST_SRCS:tests/kselftest/%.c=$(BUILD)/kmod/tests/%)
KSRC := $(BUILD)/kmod/linux-src

.PHONY: all kbeam tests asan fuzzers run check fuzz bench deps format clean kmod kmod-tests kmod-check
all: kbeam tests

kbeam: $(BUILD)/bin/kbeam
tests: $(UNIT_BINS) $(BENCH_BINS)
asan: $(BUILD)/asan/bin/kbeam $(AUNIT_BINS)
fuzzers: $(FUZZ_BINS)

deps:
	@scripts/install-deps.sh

$(OBJ)/%.o: %.c
	@mkdir -p $(dir $@)
	@echo "  CC $<"
	@$(CC) $(CPPFLAGS) $(CFLAGS) -c $< -o $@

$(LIB): $(LIB_OBJS)
	@mkdir -p $(dir $@)
	rm -f $@ && ar rcs $@ $^

$(BUILD)/bin/kbeam: $(LAUNCHER_OBJS) $(LIB)
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) -o $@ $(LAUNCHER_OBJS) $(LIB) $(LDLIBS)

$(BUILD)/tests/%: tests/unit/%.c $(LIB)
	@mkdir -p $(dir $@)
	$(CC) $(CPPFLAGS) -Itests/unit $(CFLAGS) -o $@ $< $(LIB) $(LDLIBS)

$(BUILD)/bench/%: tests/bench/%.c $(LIB)
	@mkdir -p $(dir $@)
	$(CC) $(CPPFLAGS) $(CFLAGS) -o $@ $< $(LIB) $(LDLIBS)

$(AOBJ)/%.o: %.c
	@mkdir -p $(dir $@)
	$(CLANG) $(CPPFLAGS) $(CFLAGS) -O1 $(SAN) -c $< -o $@

$(ALIB): $(ALIB_OBJS)
	@mkdir -p $(dir $@)
	rm -f $@ && ar rcs $@ $^

$(BUILD)/asan/bin/kbeam: $(ALAUNCHER_OBJS) $(ALIB)
	@mkdir -p $(dir $@)
	$(CLANG) $(CFLAGS) $(SAN) -o $@ $(ALAUNCHER_OBJS) $(ALIB) $(LDLIBS)

$(BUILD)/asan/tests/%: tests/unit/%.c $(ALIB)
	@mkdir -p $(dir $@)
	$(CLANG) $(CPPFLAGS) -Itests/unit $(CFLAGS) -O1 $(SAN) -o $@ $< $(ALIB) $(LDLIBS)

$(FOBJ)/%.o: %.c
	@mkdir -p $(dir $@)
	$(CLANG) $(CPPFLAGS) $(CFLAGS) -O1 -fsanitize=fuzzer-no-link,address,undefined -c $< -o $@

$(FLIB): $(FLIB_OBJS)
	@mkdir -p $(dir $@)
	rm -f $@ && ar rcs $@ $^

$(BUILD)/fuzz/%: tests/fuzz/%.c $(FLIB)
	@mkdir -p $(dir $@)
	$(CLANG) $(CPPFLAGS) $(CFLAGS) -O1 -fsanitize=fuzzer,address,undefined -o $@ $< $(FLIB) $(LDLIBS)

kmod: $(BUILD)/kmod/kbeam.ko
kmod-tests: $(KSELFTEST_BINS)

$(BUILD)/kmod/kbeam.ko: $(KMOD_SRCS)
	@test -n "$(KDIR)" || { echo "no /usr/src/linux-headers-*-amd64: apt-get install linux-headers-amd64"; exit 1; }
	@rm -rf $(BUILD)/kmod/src && mkdir -p $(BUILD)/kmod/src
	@cp kmod/*.c kmod/*.h kmod/Kbuild $(BUILD)/kmod/src/
	$(MAKE) -C $(KDIR) M=$(abspath $(BUILD)/kmod/src) KBEAM_INCLUDE=$(abspath include) W=1 modules
	cp $(BUILD)/kmod/src/kbeam.ko $@

$(KSRC)/tools/testing/selftests/kselftest_harness.h:
	@scripts/kmod_extract.sh

$(BUILD)/kmod/tests/%: tests/kselftest/%.c $(wildcard tests/kselftest/*.h) include/uapi/linux/kbeam.h $(KSRC)/tools/testing/selftests/kselftest_harness.h
	@mkdir -p $(dir $@)
	$(CC) -static -O2 -Wall -Werror -Iinclude/uapi -I$(KSRC)/tools/testing/selftests -o $@ $< -luring -lpthread

# Boots Debian's kernel under QEMU with the module and runs its tests.
kmod-check: deps
	@$(MAKE) --no-print-directory kbeam kmod kmod-tests
	@scripts/kmod_style.sh
	@scripts/kmod_guest_extra.sh
	@scripts/kmod_check.sh

# A demo: compile an Erlang module with erlc and run it on kbeam (and on OTP).
run: deps
	@$(MAKE) --no-print-directory kbeam
	@scripts/demo.sh

check: deps
	@scripts/check.sh

# make fuzz [FUZZ_SECONDS=600]: every fuzz target for that long each
FUZZ_SECONDS ?= 300
fuzz: deps
	@$(MAKE) --no-print-directory fuzzers
	@scripts/fuzz.sh $(FUZZ_SECONDS)

bench: deps
	@$(MAKE) --no-print-directory kbeam tests
	@scripts/bench.sh

format:
	clang-format -i $(LIB_SRCS) $(LAUNCHER_SRCS) $(UNIT_SRCS) $(FUZZ_SRCS) $(BENCH_SRCS) $(wildcard userspace/*/*.h tests/unit/*.h)

clean:
	rm -rf $(BUILD)

-include $(shell find $(BUILD) -name '*.d' 2>/dev/null)
