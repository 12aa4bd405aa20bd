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

// pool runs jobs on a set of goroutines that can grow while it runs, so
// that work can be handed out as soon as it is known (the doc pass starts
// on a package as soon as the walk reaches it) while the goroutine that
// finds it keeps a processor. Jobs run in the order given, except that
// urgent ones go first. Like forEachParallel's, each job writes only its
// own results.
type pool struct {
	mu      sync.Mutex
	cond    sync.Cond
	urgent  []func()
	jobs    []func()
	next    int // jobs[:next] have been handed out
	closed  bool
	workers int
	wg      sync.WaitGroup
}

func newPool(workers int) *pool {
	p := &pool{}
	p.cond.L = &p.mu
	p.grow(workers)
	return p
}

// grow starts goroutines until n are running.
func (p *pool) grow(n int) {
	p.mu.Lock()
	defer p.mu.Unlock()
	for ; p.workers < n; p.workers++ {
		p.wg.Add(1)
		go p.work()
	}
}

func (p *pool) submit(job func()) {
	p.mu.Lock()
	p.jobs = append(p.jobs, job)
	p.mu.Unlock()
	p.cond.Signal()
}

// submitUrgent queues job ahead of those submitted with submit: a long job
// that starts last leaves the other workers idle at the end.
func (p *pool) submitUrgent(job func()) {
	p.mu.Lock()
	p.urgent = append(p.urgent, job)
	p.mu.Unlock()
	p.cond.Signal()
}

// wait runs the jobs still queued and returns when all are done. No job may
// be submitted after it is called.
func (p *pool) wait() {
	p.mu.Lock()
	p.closed = true
	p.mu.Unlock()
	p.cond.Broadcast()
	p.wg.Wait()
}

func (p *pool) work() {
	defer p.wg.Done()
	p.mu.Lock()
	for {
		var job func()
		switch {
		case len(p.urgent) > 0:
			job = p.urgent[0]
			p.urgent = p.urgent[1:]
		case p.next < len(p.jobs):
			job = p.jobs[p.next]
			p.jobs[p.next] = nil // the closure holds the job's inputs
			p.next++
		case p.closed:
			p.mu.Unlock()
			return
		default:
			p.cond.Wait()
			continue
		}
		p.mu.Unlock()
		job()
		p.mu.Lock()
	}
}
