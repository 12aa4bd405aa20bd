// Package pricing computes prices; it is the package the migration walkthrough rewrites in
// Lisette while the rest of the service stays Go.
package pricing

import "errors"

// Price is an amount in cents of one currency.
type Price struct {
	Cents    int
	Currency string
}

// Discount changes a price; implemented here (Percent) and in package store (Promotion).
type Discount interface {
	Apply(p Price) Price
}

// Percent takes a percentage off.
type Percent struct {
	Off int
}

// Apply takes p.Off percent off the price.
func (d Percent) Apply(p Price) Price {
	return Price{Cents: p.Cents * (100 - d.Off) / 100, Currency: p.Currency}
}

// EmptyError is returned by Total for no items; compare with errors.Is(err, EmptyError{}).
type EmptyError struct{}

// Error says that there was nothing to add up.
func (EmptyError) Error() string { return "pricing: no items" }

// Total adds up prices of one currency.
func Total(items []Price) (Price, error) {
	if len(items) == 0 {
		return Price{}, EmptyError{}
	}
	sum := 0
	for _, p := range items {
		if p.Currency != items[0].Currency {
			return Price{}, errors.New("pricing: mixed currencies")
		}
		sum += p.Cents
	}
	return Price{Cents: sum, Currency: items[0].Currency}, nil
}

// Cheapest returns the lowest price and whether there was one.
func Cheapest(items []Price) (Price, bool) {
	if len(items) == 0 {
		return Price{}, false
	}
	best := items[0]
	for _, p := range items[1:] {
		if p.Cents < best.Cents {
			best = p
		}
	}
	return best, true
}
