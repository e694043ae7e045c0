package shopapitest

import "slices"

// Shared machinery for the fake's stateful resources (addresses, freight
// templates, coupons, waybills …): one table type per resource instead of
// one hand-written store per endpoint. A handler keeps its resources in a
// table obtained with tableOf, under s.mu (handlers hold it):
//
//	t := tableOf[address](s, "addresses", shopapi.CodeBadParams, "address not found")
//	id := t.add(s, &address{…})          // a fresh 64-bit id
//	a, err := t.get(id)                   // err answers the resource's "not found" errcode
//	ids, more, err := pageOffset(t.ids(nil), offset, limit, 100, code)
//
// State that ties groups together (a product's freight template, an
// after-sale's return address) is looked up through the other group's
// table by id, so a handler of one group can check another's ids.

// table holds the resources of one kind by id, in insertion order.
type table[T any] struct {
	byID  map[string]*T
	order []string
	// notFound is the errcode and message answered for an unknown id.
	notFoundCode int
	notFoundMsg  string
}

// tableOf returns the server's table of resources under key, creating it
// with the errcode it answers for an unknown id. s.mu is held.
func tableOf[T any](s *Server, key string, notFoundCode int, notFoundMsg string) *table[T] {
	return stateOf(s, "table:"+key, func() *table[T] {
		return &table[T]{byID: map[string]*T{}, notFoundCode: notFoundCode, notFoundMsg: notFoundMsg}
	})
}

// add stores v under a fresh id and returns the id.
func (t *table[T]) add(s *Server, v *T) string {
	id := s.newID()
	t.put(id, v)
	return id
}

// put stores v under id (a new id goes last in the order).
func (t *table[T]) put(id string, v *T) {
	if _, ok := t.byID[id]; !ok {
		t.order = append(t.order, id)
	}
	t.byID[id] = v
}

// get returns the resource of id, or the table's "not found" errcode.
func (t *table[T]) get(id string) (*T, error) {
	if v, ok := t.byID[id]; ok && id != "" {
		return v, nil
	}
	return nil, apiErr(t.notFoundCode, t.notFoundMsg)
}

// remove deletes the resource of id, or answers the "not found" errcode.
func (t *table[T]) remove(id string) error {
	if _, err := t.get(id); err != nil {
		return err
	}
	delete(t.byID, id)
	t.order = slices.DeleteFunc(t.order, func(x string) bool { return x == id })
	return nil
}

// len returns the number of resources.
func (t *table[T]) len() int { return len(t.order) }

// ids returns the ids in insertion order, filtered by keep (nil keeps all).
func (t *table[T]) ids(keep func(id string, v *T) bool) []string {
	out := make([]string, 0, len(t.order))
	for _, id := range t.order {
		if keep == nil || keep(id, t.byID[id]) {
			out = append(out, id)
		}
	}
	return out
}

// pageOffset returns up to limit ids from offset (the offset/limit
// pagination of list endpoints), and whether more follow. A negative offset
// or a limit outside 1..max (max 0: no maximum) answers badCode, the
// endpoint's errcode for bad parameters.
func pageOffset(ids []string, offset, limit, max, badCode int) ([]string, bool, error) {
	if offset < 0 || limit <= 0 || (max > 0 && limit > max) {
		return nil, false, apiErr(badCode, "invalid offset or limit")
	}
	if offset >= len(ids) {
		return []string{}, false, nil
	}
	end := min(len(ids), offset+limit)
	return ids[offset:end], end < len(ids), nil
}

// pageKey returns up to size ids after the opaque cursor key ("" starts
// at the beginning), the cursor of the next page and whether more follow:
// the next_key pagination of the platform. Bad parameters answer badCode.
func pageKey(ids []string, key string, size, max, badCode int) (page []string, next string, more bool, err error) {
	if size <= 0 || (max > 0 && size > max) {
		return nil, "", false, apiErr(badCode, "invalid page_size")
	}
	pos, err := parseKey(key)
	if err != nil {
		return nil, "", false, err
	}
	if pos >= len(ids) {
		return []string{}, "", false, nil
	}
	end := min(len(ids), pos+size)
	more = end < len(ids)
	return ids[pos:end], makeKey(end), more, nil
}

// pageNumber returns page n (from 1) of size ids: the page/page_size
// pagination of some list endpoints. Bad parameters answer badCode.
func pageNumber(ids []string, n, size, max, badCode int) ([]string, error) {
	if n < 1 || size <= 0 || (max > 0 && size > max) {
		return nil, apiErr(badCode, "invalid page or page_size")
	}
	start := (n - 1) * size
	if start >= len(ids) {
		return []string{}, nil
	}
	return ids[start:min(len(ids), start+size)], nil
}

// requireIDs answers errcode code naming the first empty id of ids, for
// handlers whose request needs every listed id.
func requireIDs(code int, ids map[string]string) error {
	names := make([]string, 0, len(ids))
	for name := range ids {
		names = append(names, name)
	}
	slices.Sort(names)
	for _, name := range names {
		if ids[name] == "" {
			return apiErr(code, name+" is required")
		}
	}
	return nil
}
