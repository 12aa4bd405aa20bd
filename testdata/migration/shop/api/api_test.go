package api

import (
	"errors"
	"testing"

	"example.com/shop/pricing"
	"example.com/shop/store"
)

func shop() *store.Memory {
	return store.NewMemory(
		store.Item{ID: "tea", Price: pricing.Price{Cents: 400, Currency: "EUR"}},
		store.Item{ID: "cake", Price: pricing.Price{Cents: 250, Currency: "EUR"}},
	)
}

func TestQuoteWithPercent(t *testing.T) {
	h := Handler{Store: shop(), Discount: pricing.Percent{Off: 50}}
	q, err := h.Quote("tea", "cake")
	if err != nil || q.Cents != 325 || q.Currency != "EUR" || q.Items != 2 {
		t.Fatalf("Quote = %+v, %v", q, err)
	}
}

func TestQuoteWithPromotionFromAnotherPackage(t *testing.T) {
	h := Handler{Store: shop(), Discount: store.Promotion{CentsOff: 300}}
	q, err := h.Quote("tea", "cake")
	if err != nil || q.Cents != 100 {
		t.Fatalf("Quote = %+v, %v", q, err)
	}
}

func TestQuoteErrors(t *testing.T) {
	h := Handler{Store: shop()}
	if _, err := h.Quote(); !errors.Is(err, pricing.EmptyError{}) {
		t.Fatalf("empty order: %v", err)
	}
	if _, err := h.Quote("coffee"); err == nil {
		t.Fatal("unknown item accepted")
	}
	if id, ok := h.CheapestItem("tea", "cake", "coffee"); !ok || id != "cake" {
		t.Fatalf("CheapestItem = %q, %v", id, ok)
	}
}
