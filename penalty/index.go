package penalty

// idIndex maps violation IDs to their positions in the state. It is an
// open-addressing hash table of 4-byte, pointer-free slots: a Go map keyed
// by string would cost a string header per entry, rehash the keys when it
// grows, and give the garbage collector more to scan.
//
// With 1<<bits slots, a slot holds pos+1 in its low bits (pos+1 < 1<<bits,
// since the table is at most three quarters full) and the ID hash's high
// bits, the ones the slot number does not use, above them as a tag; 0 marks
// an empty slot. A tag match is confirmed against the stored ID. Growing
// rehashes the IDs themselves, in position order.
type idIndex struct {
	slots []uint32 // 1<<bits long, or nil
	bits  uint8
	n     int
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

// reserve makes room for n violations without growing.
func (s *State) reserve(n int) {
	bits := uint8(3)
	for (1<<bits)*3 < n*4 {
		bits++
	}
	if bits > s.vindex.bits || s.vindex.slots == nil {
		s.rehash(bits)
	}
}

// insert records position pos, whose ID hashes to h; the caller has checked
// that the ID is new.
func (s *State) insert(h uint32, pos int32) {
	x := &s.vindex
	if (x.n+1)*4 > len(x.slots)*3 {
		s.rehash(max(3, x.bits+1))
	}
	x.put(h, pos)
	x.n++
}

func (x *idIndex) put(h uint32, pos int32) {
	mask := uint32(len(x.slots) - 1)
	sl := h&^mask | uint32(pos+1)
	for i := h & mask; ; i = (i + 1) & mask {
		if x.slots[i] == 0 {
			x.slots[i] = sl
			return
		}
	}
}

// rehash rebuilds the index with 1<<bits slots from the stored IDs.
func (s *State) rehash(bits uint8) {
	x := &s.vindex
	x.slots, x.bits = make([]uint32, 1<<bits), bits
	for pos := range x.n {
		x.put(hashID(string(s.id(int32(pos)))), int32(pos))
	}
}

func (x *idIndex) clone() idIndex {
	out := *x
	if x.slots != nil {
		out.slots = append([]uint32(nil), x.slots...)
	}
	return out
}

// findViolation returns the position of violation id.
func (s *State) findViolation(id ViolationID) (int32, bool) {
	if s.hot > 0 && s.id(s.hot-1) == id {
		return s.hot - 1, true
	}
	x := &s.vindex
	if len(x.slots) == 0 {
		return -1, false
	}
	h := hashID(string(id))
	mask := uint32(len(x.slots) - 1)
	tag := h &^ mask
	for i := h & mask; ; i = (i + 1) & mask {
		sl := x.slots[i]
		if sl == 0 {
			return -1, false
		}
		if sl&^mask == tag {
			if pos := int32(sl&mask) - 1; s.id(pos) == id {
				return pos, true
			}
		}
	}
}
