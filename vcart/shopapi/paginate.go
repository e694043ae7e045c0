package shopapi

import (
	"context"
	"errors"
	"iter"
	"strconv"

	"github.com/vcart-sdk/vcart-go/vcart"
)

// errCursorLoop is returned when the platform repeats a next_key.
var errCursorLoop = errors.New("shopapi: pagination cursor repeated")

// paginate turns a page fetcher into an iterator: it stops on an empty
// page or an empty cursor, checks ctx between pages, yields (zero, err) and
// stops on error, and guards against a repeated cursor.
//
// Loop detection keeps two keys, not one per page (Brent's cycle
// detection): a checkpoint key, moved to the current key after 1, 2, 4, 8
// … pages, and the current key. A cursor that returns to the checkpoint or
// repeats the current key ends the iteration with errCursorLoop. A loop of
// period p entered after t pages is caught within about 2·max(t, p) + p
// pages (a cursor repeated at once, p = 1, on the next page); the pages of
// the loop fetched until then are yielded again (ids the caller has seen). Memory is O(1) whatever the number of pages.
func paginate[T any](ctx context.Context, start string, fetch func(ctx context.Context, key string) ([]T, string, error)) iter.Seq2[T, error] {
	return func(yield func(T, error) bool) {
		var zero T
		key := start
		checkpoint, steps, span := start, 0, 1
		for {
			if err := ctx.Err(); err != nil {
				yield(zero, err)
				return
			}
			items, next, err := fetch(ctx, key)
			if err != nil {
				yield(zero, err)
				return
			}
			for _, it := range items {
				if !yield(it, nil) {
					return
				}
			}
			if len(items) == 0 || next == "" {
				return
			}
			if next == key || next == checkpoint {
				yield(zero, errCursorLoop)
				return
			}
			if steps++; steps == span {
				checkpoint, steps, span = next, 0, span*2
			}
			key = next
		}
	}
}

// checkPageNum defaults a 1-based page number (0 means 1) and reports one
// below 1 as a problem of field.
func checkPageNum(field string, n *int, p []vcart.FieldError) []vcart.FieldError {
	if *n == 0 {
		*n = 1
	}
	if *n < 1 {
		p = append(p, vcart.FieldError{Field: field, Code: "range", Msg: "must be at least 1"})
	}
	return p
}

// checkPageSize defaults a page size (0 means 100) and reports one outside
// 1..100 as a problem of field.
func checkPageSize(field string, n *int, p []vcart.FieldError) []vcart.FieldError {
	if *n == 0 {
		*n = 100
	}
	if *n < 1 || *n > 100 {
		p = append(p, vcart.FieldError{Field: field, Code: "range", Msg: "must be 1..100"})
	}
	return p
}

func itoa(i int) string { return strconv.Itoa(i) }

// checkOffsetLimit reports a negative offset and a limit under 1 as
// problems of an offset/limit list request.
func checkOffsetLimit(offset, limit int) []vcart.FieldError {
	var p []vcart.FieldError
	if offset < 0 {
		p = append(p, vcart.FieldError{Field: "offset", Code: "range", Msg: "must not be negative"})
	}
	if limit < 1 {
		p = append(p, vcart.FieldError{Field: "limit", Code: "range", Msg: "must be at least 1"})
	}
	return p
}

// offsetIter pages through an offset/limit list of ids, page ids at a
// time, until a page comes back short.
func offsetIter(ctx context.Context, page int, list func(ctx context.Context, offset, limit int) ([]ID, *Response, error)) iter.Seq2[ID, error] {
	return paginate(ctx, "0", func(ctx context.Context, key string) ([]ID, string, error) {
		off, _ := strconv.Atoi(key)
		ids, _, err := list(ctx, off, page)
		if err != nil || len(ids) < page {
			return ids, "", err
		}
		return ids, strconv.Itoa(off + len(ids)), nil
	})
}
