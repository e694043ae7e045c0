package shopapi

import (
	"context"
	"iter"
	"strconv"
)

// Iterators of the marketing lists that page by number (page / page_num /
// offset) rather than by next_key.

// pageNumbers iterates over the items of numbered pages from first: fetch
// returns a page's items and the total (-1 when the answer has none). It
// stops on an empty or short page, or once total items were seen; errors
// end it as paginate does.
func pageNumbers[T any](ctx context.Context, first, size int, fetch func(ctx context.Context, page int) ([]T, int, error)) iter.Seq2[T, error] {
	page, seen := max(first, 1), 0
	return paginate(ctx, "", func(ctx context.Context, _ string) ([]T, string, error) {
		items, total, err := fetch(ctx, page)
		if err != nil {
			return nil, "", err
		}
		page++
		seen += len(items)
		if len(items) < size || (total >= 0 && seen >= total) {
			return items, "", nil
		}
		return items, "page-" + strconv.Itoa(page), nil // never repeats
	})
}

// ListUserCouponsIter iterates over a user's coupons, page after page.
func (s *CouponService) ListUserCouponsIter(ctx context.Context, opts *UserCouponListOptions) iter.Seq2[UserCouponRef, error] {
	var o UserCouponListOptions
	if opts != nil {
		o = *opts
	}
	if o.PageSize == 0 {
		o.PageSize = 100
	}
	return pageNumbers(ctx, o.Page, o.PageSize, func(ctx context.Context, page int) ([]UserCouponRef, int, error) {
		o.Page = page
		l, _, err := s.ListUserCoupons(ctx, &o)
		if err != nil {
			return nil, 0, err
		}
		o.PageCtx = l.PageCtx
		return l.UserCouponList, l.TotalNum, nil
	})
}

// ListIter iterates over every member, pageSize (1..100, 0 means 100) at a
// time.
func (s *MemberService) ListIter(ctx context.Context, pageSize int) iter.Seq2[Member, error] {
	if pageSize == 0 {
		pageSize = 100
	}
	return pageNumbers(ctx, 1, pageSize, func(ctx context.Context, page int) ([]Member, int, error) {
		l, _, err := s.List(ctx, page, pageSize)
		if err != nil {
			return nil, 0, err
		}
		return l.List, l.TotalNum, nil
	})
}

// ScoreFlowIter iterates over a member's whole points flow.
func (s *MemberService) ScoreFlowIter(ctx context.Context, openid string, pageSize int) iter.Seq2[ScoreFlow, error] {
	if pageSize == 0 {
		pageSize = 100
	}
	return pageNumbers(ctx, 1, pageSize, func(ctx context.Context, page int) ([]ScoreFlow, int, error) {
		l, _, err := s.ScoreFlow(ctx, openid, page, pageSize)
		if err != nil {
			return nil, 0, err
		}
		return l.List, l.TotalNum, nil
	})
}

// ListWxaMembersIter iterates over every mini-program member, limit
// (1..100, 0 means 100) at a time.
func (s *MemberService) ListWxaMembersIter(ctx context.Context, limit int) iter.Seq2[WxaMember, error] {
	if limit == 0 {
		limit = 100
	}
	return pageNumbers(ctx, 1, limit, func(ctx context.Context, page int) ([]WxaMember, int, error) {
		l, _, err := s.ListWxaMembers(ctx, (page-1)*limit, limit)
		return l, -1, err
	})
}

// ListIter iterates over every bound sharer of a type.
func (s *SharerService) ListIter(ctx context.Context, sharerType SharerType, pageSize int) iter.Seq2[Sharer, error] {
	if pageSize == 0 {
		pageSize = 100
	}
	return pageNumbers(ctx, 1, pageSize, func(ctx context.Context, page int) ([]Sharer, int, error) {
		l, _, err := s.List(ctx, sharerType, page, pageSize)
		return l, -1, err
	})
}

// OrdersIter iterates over every sharer order the options select.
func (s *SharerService) OrdersIter(ctx context.Context, opts *SharerOrderOptions) iter.Seq2[SharerOrder, error] {
	var o SharerOrderOptions
	if opts != nil {
		o = *opts
	}
	if o.PageSize == 0 {
		o.PageSize = 100
	}
	return pageNumbers(ctx, o.Page, o.PageSize, func(ctx context.Context, page int) ([]SharerOrder, int, error) {
		o.Page = page
		l, _, err := s.Orders(ctx, &o)
		return l, -1, err
	})
}
