// Command server prints a quote; it stands for the service's entry point.
package main

import (
	"fmt"
	"os"

	"example.com/shop/api"
	"example.com/shop/pricing"
	"example.com/shop/store"
)

func main() {
	h := api.Handler{
		Store: store.NewMemory(
			store.Item{ID: "tea", Price: pricing.Price{Cents: 400, Currency: "EUR"}},
			store.Item{ID: "cake", Price: pricing.Price{Cents: 250, Currency: "EUR"}},
		),
		Discount: pricing.Percent{Off: 10},
	}
	q, err := h.Quote(os.Args[1:]...)
	if err != nil {
		fmt.Println("error:", err)
		os.Exit(1)
	}
	fmt.Printf("%d items: %d %s\n", q.Items, q.Cents, q.Currency)
}
