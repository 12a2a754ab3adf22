//go:build unix

package pdf

import (
	"syscall"
	"time"
)

// cpuTime is the processor time used by the process so far (all threads),
// to report a cost that does not depend on the load of a shared machine.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
