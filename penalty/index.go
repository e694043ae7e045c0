package penalty

// idIndex maps violation IDs to their positions in the state. It is an
// open-addressing hash table of small, pointer-free slots: a Go map keyed by
// string would cost a string header per entry, rehash the keys when it
// grows, and give the garbage collector more to scan.
type idIndex struct {
	slots []idSlot // a power of two long, or nil
	n     int
}

type idSlot struct {
	hash uint32
	pos  int32 // position + 1; 0 marks an empty slot
}

// hashID is 32-bit FNV-1a. It is deterministic, so replaying the same events
// gives an identical index.
func hashID(s string) uint32 {
	h := uint32(2166136261)
	for i := 0; i < len(s); i++ {
		h ^= uint32(s[i])
		h *= 16777619
	}
	return h
}

// reserve makes room for n entries without growing.
func (x *idIndex) reserve(n int) {
	size := 8
	for size*3 < n*4 {
		size *= 2
	}
	if size > len(x.slots) {
		x.rehash(size)
	}
}

// insert records pos under hash h; the caller has checked that the ID is new.
func (x *idIndex) insert(h uint32, pos int32) {
	if (x.n+1)*4 > len(x.slots)*3 {
		x.rehash(max(8, 2*len(x.slots)))
	}
	x.put(idSlot{hash: h, pos: pos + 1})
	x.n++
}

func (x *idIndex) put(sl idSlot) {
	mask := uint32(len(x.slots) - 1)
	for i := sl.hash & mask; ; i = (i + 1) & mask {
		if x.slots[i].pos == 0 {
			x.slots[i] = sl
			return
		}
	}
}

func (x *idIndex) rehash(size int) {
	old := x.slots
	x.slots = make([]idSlot, size)
	for _, sl := range old {
		if sl.pos != 0 {
			x.put(sl)
		}
	}
}

func (x *idIndex) clone() idIndex {
	out := idIndex{n: x.n}
	if x.slots != nil {
		out.slots = append([]idSlot(nil), x.slots...)
	}
	return out
}

// findViolation returns the position of violation id.
func (s *State) findViolation(id ViolationID) (int32, bool) {
	x := &s.vindex
	if len(x.slots) == 0 {
		return -1, false
	}
	h := hashID(string(id))
	mask := uint32(len(x.slots) - 1)
	for i := h & mask; ; i = (i + 1) & mask {
		sl := x.slots[i]
		if sl.pos == 0 {
			return -1, false
		}
		if sl.hash == h && *s.ids.at(int(sl.pos - 1)) == id {
			return sl.pos - 1, true
		}
	}
}
