package main

import (
	"runtime"
	"sync"
)

// forEachParallel calls work(i) for every i in [0, n) on at most GOMAXPROCS
// goroutines, handing out indexes in order, and returns when all are done.
// Each call writes only its own slot of the caller's results, so no locking
// is needed.
func forEachParallel(n int, work func(i int)) {
	next := make(chan int)
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), n) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				work(i)
			}
		}()
	}
	for i := range n {
		next <- i
	}
	close(next)
	wg.Wait()
}
