#ifndef KBEAM_LAUNCHER_DUMP_ASM_H
#define KBEAM_LAUNCHER_DUMP_ASM_H

/* kbeam --dump-asm MOD:FUN/ARITY FILE.beam (dump_asm.c); exit status. */
int dump_asm(const char *mfa, const char *file);

#endif
