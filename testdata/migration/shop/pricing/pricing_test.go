package pricing_test

import (
	"errors"
	"testing"

	"example.com/shop/pricing"
)

func TestTotal(t *testing.T) {
	got, err := pricing.Total([]pricing.Price{{Cents: 250, Currency: "EUR"}, {Cents: 100, Currency: "EUR"}})
	if err != nil || got.Cents != 350 || got.Currency != "EUR" {
		t.Fatalf("Total = %+v, %v", got, err)
	}
	if _, err := pricing.Total(nil); !errors.Is(err, pricing.EmptyError{}) {
		t.Fatalf("Total(nil) error = %v, want EmptyError", err)
	}
	if _, err := pricing.Total([]pricing.Price{{Cents: 1, Currency: "EUR"}, {Cents: 1, Currency: "USD"}}); err == nil {
		t.Fatal("mixed currencies accepted")
	}
}

func TestCheapestAndPercent(t *testing.T) {
	p, ok := pricing.Cheapest([]pricing.Price{{Cents: 5}, {Cents: 3}, {Cents: 9}})
	if !ok || p.Cents != 3 {
		t.Fatalf("Cheapest = %+v, %v", p, ok)
	}
	if _, ok := pricing.Cheapest(nil); ok {
		t.Fatal("Cheapest(nil) found something")
	}
	var d pricing.Discount = pricing.Percent{Off: 10}
	if got := d.Apply(pricing.Price{Cents: 200, Currency: "EUR"}); got.Cents != 180 {
		t.Fatalf("10%% off 200 = %d", got.Cents)
	}
}
