package model

import (
	"sync"

	"github.com/muesli/termenv"

	"github.com/macun-tui/macun-tui/data"
	"github.com/macun-tui/macun-tui/views"
)

// Look is what the colours of a set of styles depend on: the colour
// profile of the terminal and whether its background is dark. Styled text
// made for one look is wrong for another, so every cache of styled text
// that two sessions may share has it in its key.
type Look struct {
	Profile termenv.Profile
	Dark    bool
}

// PageKey is everything a rendered tab page depends on besides the
// dataset, which a cache serves one of.
type PageKey struct {
	Tab   string
	Width int
	Lang  data.Lang
	Mode  views.Mode
	ASCII bool
	Look  Look
}

// Sizes of the page caches: one program keeps the pages of a few widths;
// a server keeps those of many sessions' widths. Past its size a cache
// drops the page used least recently.
const (
	localBodies  = 40
	sharedBodies = 400
)

// BodyCache keeps rendered tab pages (views.Page) by PageKey. It is safe
// for concurrent use, and a page is built once however many ask for it
// at the same time. A page is made whole and never changes after, so
// that sessions share it without a lock (serve: one cache for all).
type BodyCache struct {
	size int

	mu    sync.Mutex
	m     map[PageKey]*bodyEntry
	clock uint64
}

type bodyEntry struct {
	once sync.Once
	page *views.Page
	used uint64 // clock of the last Get
}

// NewBodyCache returns a cache of at most size pages (at least one).
func NewBodyCache(size int) *BodyCache {
	return &BodyCache{size: max(size, 1), m: map[PageKey]*bodyEntry{}}
}

// NewSharedBodyCache is the cache a server shares among its sessions.
func NewSharedBodyCache() *BodyCache { return NewBodyCache(sharedBodies) }

// Get returns the page for k, built by build the first time.
func (c *BodyCache) Get(k PageKey, build func() *views.Page) *views.Page {
	c.mu.Lock()
	c.clock++
	e, ok := c.m[k]
	if !ok {
		if len(c.m) >= c.size {
			c.evict()
		}
		e = &bodyEntry{}
		c.m[k] = e
	}
	e.used = c.clock
	c.mu.Unlock()
	e.once.Do(func() { e.page = build() })
	return e.page
}

// Len is the number of pages kept.
func (c *BodyCache) Len() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return len(c.m)
}

// evict drops the page used least recently; c.mu is held. A session that
// holds it keeps it until it asks again.
func (c *BodyCache) evict() {
	var oldest PageKey
	first := true
	var t uint64
	for k, e := range c.m {
		if first || e.used < t {
			oldest, t, first = k, e.used, false
		}
	}
	delete(c.m, oldest)
}
