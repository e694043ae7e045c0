package match

import (
	"errors"
	"fmt"
	"slices"
	"unsafe"
)

// MaxClasses caps the number of symbol classes of [CompileSymbols].
const MaxClasses = 1 << 16

// ErrBadClass is returned by [CompileSymbols] for a pattern symbol that is
// 0 or not below the number of classes.
var ErrBadClass = errors.New("match: symbol class out of range")

// Symbols is a compact Aho-Corasick automaton over symbol classes rather
// than bytes: the caller maps its input (for review.Keywords, one rune of
// the original text, folded to its normal form) to a class and steps the
// automaton with [Symbols.Next]. Class 0 stands for every symbol that no
// pattern contains.
//
// Only the start state has a dense row. Every other state stores just the
// transitions that differ from those of its default state, in cells of a
// shared array at state+class tagged with their owner (a double array: a
// state id is the offset of its window, and windows interleave). The
// default of a state one symbol deep is the start state; the default of a
// deeper state is the first state one symbol deep on its failure chain
// (the start state if there is none), whose transitions it does not copy.
// So a state owns its children plus the few transitions it inherits from
// deeper failure states, and a dictionary of thousands of words takes
// hundreds of kilobytes, not megabytes. The automaton's state is the pair
// (state, default); a step loads the two cells and the start row's entry,
// all independent of one another, and picks one.
type Symbols struct {
	root    []uint32 // start state's row: class -> flagged next state
	cells   []cell   // at state+class
	outOf   []uint32 // per state id with output: start of its list in outs
	outs    []int32  // per list: its length, then pattern ids, longest first
	lens    []int32  // pattern length in symbols
	classes int
	states  int
}

// cell is a transition: the state that owns it, the flagged next state and
// that state's default.
type cell struct {
	owner, next, def, _ uint32
}

// CompileSymbols builds the automaton for patterns, each a sequence of
// classes in [1, classes). Pattern ids are indexes into patterns;
// duplicates are reported separately. An empty pattern is an error
// wrapping [ErrEmptyPattern]; too many patterns, classes or states one
// wrapping [ErrTooLarge]; a class out of range names the pattern.
func CompileSymbols(patterns [][]uint16, classes int) (*Symbols, error) {
	if len(patterns) > MaxPatterns {
		return nil, fmt.Errorf("%w: %d patterns (max %d)", ErrTooLarge, len(patterns), MaxPatterns)
	}
	if classes < 1 || classes > MaxClasses {
		return nil, fmt.Errorf("%w: %d classes (want 1 to %d)", ErrTooLarge, classes, MaxClasses)
	}
	total := 0
	for i, p := range patterns {
		if len(p) == 0 {
			return nil, fmt.Errorf("%w at index %d", ErrEmptyPattern, i)
		}
		if len(p) > MaxPatternLen {
			return nil, fmt.Errorf("%w: pattern %d is %d symbols (max %d)", ErrTooLarge, i, len(p), MaxPatternLen)
		}
		for _, c := range p {
			if c == 0 || int(c) >= classes {
				return nil, fmt.Errorf("%w: pattern %d has class %d (want 1 to %d)", ErrBadClass, i, c, classes-1)
			}
		}
		total += len(p)
	}
	if total+1 > MaxStates {
		return nil, fmt.Errorf("%w: %d pattern symbols", ErrTooLarge, total)
	}
	a := &Symbols{classes: classes, lens: make([]int32, len(patterns))}
	for i, p := range patterns {
		a.lens[i] = int32(len(p))
	}
	t := buildSymTrie(patterns)
	a.states = len(t.term)
	a.place(t)
	return a, nil
}

// symTrie is the trie of CompileSymbols with its failure function and,
// per state, the transitions that differ from the start state's.
type symTrie struct {
	// children of state s: edgeClass/edgeNode[first[s]:first[s+1]], by class
	first     []int32
	edgeClass []uint16
	edgeNode  []int32
	term      []int32 // head of the patterns ending here, -1 none
	nextTerm  []int32
	hasOut    []bool
	dict      []int32
	order     []int32 // breadth-first
	// exceptions of state s: excClass/excNode[excAt[s]:excAt[s]+excN[s]]
	excAt, excN []int32
	excClass    []uint16
	excNode     []int32
	rootRow     []int32 // start state's transitions, by class
	def         []int32 // default state: exceptions are relative to it
}

func buildSymTrie(patterns [][]uint16) *symTrie {
	// Insert the patterns in sorted order: each state's children are then
	// created in class order and can be laid out by parent afterwards.
	idx := make([]int32, len(patterns))
	for i := range idx {
		idx[i] = int32(i)
	}
	slices.SortFunc(idx, func(x, y int32) int { return slices.Compare(patterns[x], patterns[y]) })
	t := &symTrie{term: []int32{-1}, nextTerm: make([]int32, len(patterns))}
	type edge struct {
		parent int32
		class  uint16
	}
	var edges []edge // edge i leads to state i+1
	var path []int32 // states along the previous pattern
	var prev []uint16
	for _, id := range idx {
		p := patterns[id]
		l := 0
		for l < len(p) && l < len(prev) && p[l] == prev[l] {
			l++
		}
		path = path[:l]
		s := int32(0)
		if l > 0 {
			s = path[l-1]
		}
		for i := l; i < len(p); i++ {
			edges = append(edges, edge{s, p[i]})
			s = int32(len(t.term))
			t.term = append(t.term, -1)
			path = append(path, s)
		}
		t.nextTerm[id] = t.term[s]
		t.term[s] = id
		prev = p
	}
	n := len(t.term)
	t.first = make([]int32, n+1)
	for _, e := range edges {
		t.first[e.parent+1]++
	}
	for s := 1; s <= n; s++ {
		t.first[s] += t.first[s-1]
	}
	t.edgeClass = make([]uint16, len(edges))
	t.edgeNode = make([]int32, len(edges))
	fill := slices.Clone(t.first[:n])
	for i, e := range edges { // stable: children stay in class order
		k := fill[e.parent]
		fill[e.parent]++
		t.edgeClass[k], t.edgeNode[k] = e.class, int32(i+1)
	}
	t.failAndExceptions()
	return t
}

// failAndExceptions computes, breadth-first, the failure function, the
// output flags and each state's exceptions: its own children merged over
// its failure state's exceptions (every other class leads where it leads
// from the start state).
func (t *symTrie) failAndExceptions() {
	n := len(t.term)
	maxClass := 0
	for _, c := range t.edgeClass {
		maxClass = max(maxClass, int(c))
	}
	t.rootRow = make([]int32, maxClass+1)
	fail := make([]int32, n)
	t.dict = make([]int32, n)
	t.hasOut = make([]bool, n)
	t.excAt = make([]int32, n)
	t.excN = make([]int32, n)
	t.def = make([]int32, n)
	t.order = make([]int32, 0, n)
	t.dict[0] = -1
	for k := t.first[0]; k < t.first[1]; k++ {
		c, u := t.edgeClass[k], t.edgeNode[k]
		t.rootRow[c] = u
		t.dict[u] = -1
		t.hasOut[u] = t.term[u] >= 0
		t.order = append(t.order, u)
	}
	// delta returns the transition of an already processed state.
	delta := func(s int32, c uint16) int32 {
		for {
			at, k := t.excAt[s], t.excN[s]
			if i, ok := slices.BinarySearch(t.excClass[at:at+k], c); ok {
				return t.excNode[int(at)+i]
			}
			if s == 0 {
				if int(c) < len(t.rootRow) {
					return t.rootRow[c]
				}
				return 0
			}
			s = t.def[s]
		}
	}
	for qi := 0; qi < len(t.order); qi++ {
		s := t.order[qi]
		f := fail[s]
		t.excAt[s] = int32(len(t.excClass))
		if t.def[f] == 0 { // f is the start state or its exceptions are relative to it
			t.def[s] = f
			t.excClass = append(t.excClass, t.edgeClass[t.first[s]:t.first[s+1]]...)
			t.excNode = append(t.excNode, t.edgeNode[t.first[s]:t.first[s+1]]...)
			t.excN[s] = int32(len(t.excClass)) - t.excAt[s]
		} else {
			t.def[s] = t.def[f]
			t.mergeExceptions(s, f)
		}
		for k := t.first[s]; k < t.first[s+1]; k++ {
			c, u := t.edgeClass[k], t.edgeNode[k]
			fu := delta(f, c)
			fail[u] = fu
			if t.term[fu] >= 0 {
				t.dict[u] = fu
			} else {
				t.dict[u] = t.dict[fu]
			}
			t.hasOut[u] = t.term[u] >= 0 || t.dict[u] >= 0
			t.order = append(t.order, u)
		}
	}
}

// mergeExceptions sets the exceptions of s to its children merged over the
// exceptions of its failure state f (both relative to the same default).
func (t *symTrie) mergeExceptions(s, f int32) {
	ci, ce := t.first[s], t.first[s+1]
	fi, fe := t.excAt[f], t.excAt[f]+t.excN[f]
	for ci < ce || fi < fe {
		switch {
		case fi == fe || (ci < ce && t.edgeClass[ci] < t.excClass[fi]):
			t.excClass, t.excNode = append(t.excClass, t.edgeClass[ci]), append(t.excNode, t.edgeNode[ci])
			ci++
		case ci == ce || t.excClass[fi] < t.edgeClass[ci]:
			t.excClass, t.excNode = append(t.excClass, t.excClass[fi]), append(t.excNode, t.excNode[fi])
			fi++
		default: // the child overrides
			t.excClass, t.excNode = append(t.excClass, t.edgeClass[ci]), append(t.excNode, t.edgeNode[ci])
			ci++
			fi++
		}
	}
	t.excN[s] = int32(len(t.excClass)) - t.excAt[s]
}

// placeTries bounds the first-fit search for a state's window before the
// window is put past the end of the cell array.
const placeTries = 1 << 16

// place assigns every state a window in the cell array (first fit,
// breadth-first so that the states a scan visits most sit together) and
// fills the cells, the start row and the output lists.
func (a *Symbols) place(t *symTrie) {
	n := len(t.term)
	base := make([]int32, n)
	var used, isBase []bool
	grow := func(k int) {
		for len(used) < k {
			used = append(used, false)
			isBase = append(isBase, false)
		}
	}
	grow(1)
	isBase[0] = true // the start state
	// Largest windows first: the small ones fill the gaps they leave.
	byLen := slices.Clone(t.order)
	slices.SortStableFunc(byLen, func(x, y int32) int { return int(t.excN[y]) - int(t.excN[x]) })
	lo := 1 // first free cell
	prevLen, hint := 0, 0
	for _, s := range byLen {
		at, k := t.excAt[s], int(t.excN[s])
		cls := t.excClass[at : int(at)+k]
		if k == 0 {
			continue // placed below, in the gaps
		}
		for lo < len(used) && used[lo] {
			lo++
		}
		b := max(1, lo-int(cls[0]))
		if k == prevLen { // sets of one size rarely fit below the last one
			b = max(b, hint+1)
		}
		for try := 0; ; try, b = try+1, b+1 {
			if try == placeTries {
				b = max(b, len(used)-int(cls[0]))
			}
			grow(b + int(cls[k-1]) + 1)
			if isBase[b] {
				continue
			}
			free := true
			for _, c := range cls {
				if used[b+int(c)] {
					free = false
					break
				}
			}
			if free {
				break
			}
		}
		base[s], isBase[b] = int32(b), true
		prevLen, hint = k, b
		for _, c := range cls {
			used[b+int(c)] = true
		}
	}
	// States without exceptions own no cell: any unused id will do.
	leaf := 1
	for _, s := range t.order {
		if t.excN[s] != 0 {
			continue
		}
		for leaf < len(isBase) && isBase[leaf] {
			leaf++
		}
		grow(leaf + 1)
		base[s], isBase[leaf] = int32(leaf), true
	}
	maxBase := 0
	for _, b := range base {
		maxBase = max(maxBase, int(b))
	}
	flagged := func(u int32) uint32 {
		v := uint32(base[u])
		if t.hasOut[u] {
			v |= outFlag
		}
		return v
	}
	a.cells = make([]cell, max(len(used), maxBase+a.classes))
	for i := range a.cells {
		a.cells[i].owner = ^uint32(0) // no state
	}
	a.root = make([]uint32, a.classes)
	for c, u := range t.rootRow {
		if u != 0 {
			a.root[c] = flagged(u)
		}
	}
	a.outOf = make([]uint32, maxBase+1)
	for _, s := range t.order {
		b := uint64(base[s])
		at := t.excAt[s]
		for i := at; i < at+t.excN[s]; i++ {
			u := t.excNode[i]
			a.cells[b+uint64(t.excClass[i])] = cell{owner: uint32(b), next: flagged(u), def: uint32(base[t.def[u]])}
		}
		if !t.hasOut[s] {
			continue
		}
		at0 := len(a.outs)
		a.outOf[b] = uint32(at0)
		a.outs = append(a.outs, 0)
		for d := s; d >= 0; d = t.dict[d] {
			for id := t.term[d]; id >= 0; id = t.nextTerm[id] {
				a.outs = append(a.outs, id)
			}
		}
		a.outs[at0] = int32(len(a.outs) - at0 - 1)
	}
}

// Start is the start state.
const Start = 0

// OutFlag is set in a state returned by [Symbols.Next] when the state has
// output; clear it before the next step.
const OutFlag = outFlag

// Next returns the state after reading class c in state s with default d
// (s without [OutFlag]; c below the classes passed to [CompileSymbols]) and
// that state's default. The scan starts in ([Start], [Start]). The state
// has OutFlag set when patterns end there: see [Symbols.Outputs].
func (a *Symbols) Next(s, d uint32, c uint16) (uint32, uint32) {
	return a.Stepper().Next(s, d, c)
}

// Stepper returns a's transition function as a value that a scan loop
// keeps in registers.
func (a *Symbols) Stepper() Stepper {
	return Stepper{root: unsafe.Pointer(unsafe.SliceData(a.root)), cells: unsafe.Pointer(unsafe.SliceData(a.cells))}
}

// Stepper is [Symbols.Next] without the indirection through the automaton.
type Stepper struct {
	root, cells unsafe.Pointer
}

// Next is [Symbols.Next]. It does no bounds checks: c < classes =
// len(root), and every state id plus a class below classes is inside
// cells (place sizes it so; TestSymbolsInvariant checks it).
func (t Stepper) Next(s, d uint32, c uint16) (uint32, uint32) {
	e := (*cell)(unsafe.Add(t.cells, (uintptr(s)+uintptr(c))*unsafe.Sizeof(cell{})))
	f := (*cell)(unsafe.Add(t.cells, (uintptr(d)+uintptr(c))*unsafe.Sizeof(cell{})))
	n, nd := *(*uint32)(unsafe.Add(t.root, uintptr(c)*4)), uint32(0)
	if f.owner == d {
		n, nd = f.next, f.def
	}
	if e.owner == s {
		n, nd = e.next, e.def
	}
	return n, nd
}

// Outputs returns the ids of the patterns that end in state s (OutFlag
// cleared), longest first. The slice is shared: do not modify it.
func (a *Symbols) Outputs(s uint32) []int32 {
	at := a.outOf[s]
	return a.outs[at+1 : at+1+uint32(a.outs[at])]
}

// PatternLen returns the length of pattern id in symbols.
func (a *Symbols) PatternLen(id int32) int { return int(a.lens[id]) }

// Len returns the number of patterns.
func (a *Symbols) Len() int { return len(a.lens) }

// States returns the number of automaton states.
func (a *Symbols) States() int { return a.states }

// Cells returns the length of the cell array (for sizing and tests).
func (a *Symbols) Cells() int { return len(a.cells) }

// checkCells verifies the invariant Stepper.Next relies on: every state id
// that a transition leads to, plus any class, is inside the cell array,
// and so is every default.
func (a *Symbols) checkCells() error {
	if len(a.root) != a.classes {
		return fmt.Errorf("match: start row has %d entries, want %d", len(a.root), a.classes)
	}
	ok := func(id uint32) bool { return int(id&^outFlag)+a.classes <= len(a.cells) }
	for c, n := range a.root {
		if !ok(n) {
			return fmt.Errorf("match: start row entry %d = %d is out of range", c, n)
		}
	}
	for i, e := range a.cells {
		if e.owner == ^uint32(0) {
			continue
		}
		if !ok(e.owner) || !ok(e.next) || !ok(e.def) || i < int(e.owner) {
			return fmt.Errorf("match: cell %d = %+v is out of range", i, e)
		}
	}
	return nil
}
