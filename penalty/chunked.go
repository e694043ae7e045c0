package penalty

// chunkBits sets the chunk size of [chunked] to 256 elements.
const chunkBits = 10

// chunked is an append-only list stored in fixed-size chunks, so that
// appending never copies earlier elements (a growing slice would move the
// whole history on every doubling) and pointers to elements stay valid.
type chunked[T any] struct {
	chunks [][]T
	n      int
}

// push appends v and returns its index.
func (c *chunked[T]) push(v T) int {
	k := c.n >> chunkBits
	if k == len(c.chunks) {
		// The first chunk grows like a slice, so that a small history stays
		// small; later chunks are allocated whole.
		var ch []T
		if k > 0 {
			ch = make([]T, 0, 1<<chunkBits)
		}
		c.chunks = append(c.chunks, ch)
	}
	c.chunks[k] = append(c.chunks[k], v)
	c.n++
	return c.n - 1
}

// at returns a pointer to element i, which must be below len.
func (c *chunked[T]) at(i int) *T {
	return &c.chunks[i>>chunkBits][i&(1<<chunkBits-1)]
}

func (c *chunked[T]) len() int { return c.n }

// clone returns a deep copy (the elements are copied, not shared).
func (c *chunked[T]) clone() chunked[T] {
	if c.chunks == nil {
		return chunked[T]{n: c.n}
	}
	out := chunked[T]{chunks: make([][]T, len(c.chunks)), n: c.n}
	for i, ch := range c.chunks {
		out.chunks[i] = append(make([]T, 0, cap(ch)), ch...)
	}
	return out
}
