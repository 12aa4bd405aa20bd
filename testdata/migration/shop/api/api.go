// Package api quotes orders: it depends on store and pricing.
package api

import (
	"example.com/shop/pricing"
	"example.com/shop/store"
)

// Quote is a priced order; it embeds the total.
type Quote struct {
	pricing.Price
	Items int
}

// Handler prices orders from a store.
type Handler struct {
	Store    store.Store
	Discount pricing.Discount
}

// Quote prices the items with the given ids after the discount.
func (h Handler) Quote(ids ...string) (Quote, error) {
	var prices []pricing.Price
	for _, id := range ids {
		it, err := h.Store.Get(id)
		if err != nil {
			return Quote{}, err
		}
		p := it.Price
		if h.Discount != nil {
			p = h.Discount.Apply(p)
		}
		prices = append(prices, p)
	}
	total, err := pricing.Total(prices)
	if err != nil {
		return Quote{}, err
	}
	return Quote{Price: total, Items: len(ids)}, nil
}

// CheapestItem returns the id of the cheapest item among ids.
func (h Handler) CheapestItem(ids ...string) (string, bool) {
	var prices []pricing.Price
	byCents := map[int]string{}
	for _, id := range ids {
		if it, err := h.Store.Get(id); err == nil {
			prices = append(prices, it.Price)
			byCents[it.Price.Cents] = id
		}
	}
	p, ok := pricing.Cheapest(prices)
	if !ok {
		return "", false
	}
	return byCents[p.Cents], true
}
