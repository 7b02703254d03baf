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

// BodyKey is everything a rendered tab body depends on besides the
// dataset, which a cache serves one of.
type BodyKey struct {
	Tab   string
	Width int
	Lang  data.Lang
	Mode  views.Mode
	ASCII bool
	Look  Look
}

// Sizes of the body caches: one program keeps the bodies of a few widths;
// a server keeps those of many sessions' widths. Past its size a cache
// drops the body used least recently.
const (
	localBodies  = 40
	sharedBodies = 400
)

// BodyCache keeps rendered tab bodies by BodyKey. It is safe for
// concurrent use, and a body is built once however many ask for it at
// the same time.
//
// A shared cache (serve: one for all sessions) hands out bodies that are
// immutable: each is rendered whole, every line in both looks, before any
// session sees it, so that reading it needs no lock (views.Body keeps the
// lines it rendered, and renders nothing once all are). A cache of one
// program leaves the lines to be rendered as they are shown, which is
// cheaper for a long list; its bodies must then be used by that program
// alone.
type BodyCache struct {
	shared bool
	size   int

	mu    sync.Mutex
	m     map[BodyKey]*bodyEntry
	clock uint64
}

type bodyEntry struct {
	once sync.Once
	body *views.Body
	used uint64 // clock of the last Get
}

// NewBodyCache returns a cache of at most size bodies (at least one);
// shared makes every body immutable before it is handed out.
func NewBodyCache(size int, shared bool) *BodyCache {
	return &BodyCache{shared: shared, size: max(size, 1), m: map[BodyKey]*bodyEntry{}}
}

// NewSharedBodyCache is the cache a server shares among its sessions.
func NewSharedBodyCache() *BodyCache { return NewBodyCache(sharedBodies, true) }

// Get returns the body for k, built by build the first time.
func (c *BodyCache) Get(k BodyKey, build func() *views.Body) *views.Body {
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
	e.once.Do(func() {
		b := build()
		if c.shared {
			freeze(b)
		}
		e.body = b
	})
	return e.body
}

// Len is the number of bodies kept.
func (c *BodyCache) Len() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return len(c.m)
}

// evict drops the body used least recently; c.mu is held. A session that
// holds it keeps it until it asks again.
func (c *BodyCache) evict() {
	var oldest BodyKey
	first := true
	var t uint64
	for k, e := range c.m {
		if first || e.used < t {
			oldest, t, first = k, e.used, false
		}
	}
	delete(c.m, oldest)
}

// freeze renders every line of b, and the selected look of every line
// that shows an item, so that b renders (and writes) nothing after.
func freeze(b *views.Body) {
	for i := range b.Len() {
		b.Line(i, false)
	}
	for _, it := range b.Items() {
		for _, i := range it.Lines {
			b.Line(i, true)
		}
	}
}
