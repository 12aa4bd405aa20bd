// Package store keeps items; its Promotion implements pricing.Discount across packages.
package store

import (
	"fmt"

	"example.com/shop/pricing"
)

// Item is something for sale.
type Item struct {
	ID    string
	Price pricing.Price
}

// Store looks items up.
type Store interface {
	Get(id string) (Item, error)
}

// Memory is a Store held in a map.
type Memory struct {
	items map[string]Item
}

// NewMemory returns a store holding items.
func NewMemory(items ...Item) *Memory {
	m := &Memory{items: map[string]Item{}}
	for _, it := range items {
		m.items[it.ID] = it
	}
	return m
}

// Get returns the item with the given id.
func (m *Memory) Get(id string) (Item, error) {
	it, ok := m.items[id]
	if !ok {
		return Item{}, fmt.Errorf("store: no item %q", id)
	}
	return it, nil
}

// Promotion is a fixed amount off, a pricing.Discount.
type Promotion struct {
	CentsOff int
}

// Apply takes CentsOff off the price, never below zero.
func (p Promotion) Apply(price pricing.Price) pricing.Price {
	price.Cents -= p.CentsOff
	if price.Cents < 0 {
		price.Cents = 0
	}
	return price
}
