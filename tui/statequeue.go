package tui

import (
	tea "charm.land/bubbletea/v2"

	state "rostrum/internal/readstate"
)

// The state file is read and written off the UI goroutine: a large or slow
// file (or another instance holding the lock) never freezes the screen or
// delays the first frame. Jobs run one at a time, in the order queued, so
// m pressed twice while the first write is still running ends as the user
// left it; the screen shows each change at once and takes the file's
// state from the last job's result, once no job is left.

// stateJob is one read or write of the store.
type stateJob struct {
	// run does the work on a command's goroutine and says what to show
	// ("" for nothing).
	run  func(*state.Store) (done string, err error)
	load bool // the first read: brings the last reading position
	quit bool // the last job: the program ends once it has run
}

// stateQueue is the App's queue of state jobs.
type stateQueue struct {
	jobs     []stateJob // waiting behind the one running
	busy     bool       // a job is running
	loaded   bool       // the state file has been read
	quitting bool       // a quit waits for the queue
}

// stateDoneMsg is a job's result, with the state as it was after it.
type stateDoneMsg struct {
	job  stateJob
	done string
	err  error
	warn string // the store's warning: a damaged file set aside
	view stateView
	last *state.Last
}

// queueState queues a job, starting it if none is running.
func (r *reading) queueState(j stateJob) tea.Cmd {
	r.stateQ.jobs = append(r.stateQ.jobs, j)
	if r.stateQ.busy {
		return nil
	}
	return r.nextState()
}

// nextState starts the next job, if there is one.
func (r *reading) nextState() tea.Cmd {
	if len(r.stateQ.jobs) == 0 {
		return nil
	}
	j := r.stateQ.jobs[0]
	r.stateQ.jobs = r.stateQ.jobs[1:]
	r.stateQ.busy = true
	store := r.store
	return func() tea.Msg {
		done, err := j.run(store)
		st := store.State()
		return stateDoneMsg{job: j, done: done, err: err, warn: store.TakeWarning(), view: viewOf(st), last: st.Last}
	}
}

// loadState is the first job: it reads the state file.
func (r *reading) loadState() tea.Cmd {
	return r.queueState(stateJob{load: true, run: func(st *state.Store) (string, error) {
		return st.Reload(), nil
	}})
}

// handleStateDone shows a job's result and starts the next job.
func (a *App) handleStateDone(msg stateDoneMsg) tea.Cmd {
	a.stateQ.busy = false
	if len(a.stateQ.jobs) == 0 {
		// Nothing queued after it: the file's state is the truth. (With
		// jobs queued, the screen keeps the changes they will make.)
		a.saved = msg.view
	}
	var cmds []tea.Cmd
	switch {
	case msg.err != nil:
		cmds = append(cmds, a.setStatus("Could not save the reading state: "+msg.err.Error()))
	case msg.warn != "":
		cmds = append(cmds, a.setStatus(msg.warn))
	case msg.done != "":
		cmds = append(cmds, a.setStatus(msg.done))
	}
	if msg.job.load {
		a.stateQ.loaded = true
		cmds = append(cmds, a.stateLoaded(msg.last))
	}
	if msg.job.quit {
		return tea.Quit
	}
	cmds = append(cmds, a.nextState())
	return tea.Batch(cmds...)
}

// stateLoaded takes the last reading position from the state just read,
// unless the user has moved since the start, and goes to it.
func (a *App) stateLoaded(last *state.Last) tea.Cmd {
	if a.restore == nil || !a.restore.pending {
		return nil // the user has taken over
	}
	if last == nil {
		a.restore = nil
		return nil
	}
	a.restore = &lastPosition{Last: *last}
	cmd := a.restoreLast(nil)
	if d := a.reader.Doc(); a.load.ch == nil && (d == nil || d.ID != a.restore.Doc) {
		a.restore = nil // everything has loaded, and it is not there
	}
	return cmd
}
