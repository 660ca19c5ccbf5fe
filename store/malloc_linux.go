//go:build linux && cgo

package store

/*
#include <malloc.h>
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
// readers. Windows' heap gives blocks this big back by itself.
func init() {
	C.mallopt(C.M_MMAP_THRESHOLD, 1<<20)
	C.mallopt(C.M_ARENA_MAX, 2)
}
