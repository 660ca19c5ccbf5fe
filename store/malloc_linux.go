//go:build linux && cgo

package store

/*
#include <malloc.h>

// Only glibc has these settings (musl's and Android's malloc have not).
static void psyplan_give_big_blocks_back(void) {
#if defined(__GLIBC__) && defined(M_MMAP_THRESHOLD) && defined(M_ARENA_MAX)
	mallopt(M_MMAP_THRESHOLD, 1 << 20);
	mallopt(M_ARENA_MAX, 2);
#endif
}
*/
import "C"

// SQLite copies a plan's document (10 MB for a national plan) at every
// save and load, with C's malloc. glibc raises its threshold for giving
// such a block memory of its own (mmap) to the size of the first one
// freed, and from then on keeps each copy in its arenas, one per thread
// that called in: a window saving a national plan after every edit held
// about 100 MB more than it used (680 MB against 584 MB after 40 edits
// in the real window). A fixed threshold of 1 MB gives a big block back
// to the system when it is freed, and two arenas serve one writer and its
// readers. The settings are the whole process's (Fyne's C side too), as
// malloc has no other. Windows' heap gives blocks this big back by itself.
func init() { C.psyplan_give_big_blocks_back() }
