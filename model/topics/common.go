package topics

import (
	"strings"
	"sync"
)

// commonWords are frequent English words that say nothing about a topic on
// their own. A single-word lexicon term whose stem is one of theirs is
// refused: "state" would tag every text that says "states".
const commonWords = `a about above after again against all also an and any are as at be
because been before being below between both but by can could did do does doing down during
each few for from further had has have having he her here hers herself him himself his how i
if in into is it its itself just me more most my myself no nor not now of off on once only or
other our ours ourselves out over own same she should so some such than that the their theirs
them themselves then there these they this those through to too under until up very was we
were what when where which while who whom why will with would you your yours yourself
yourselves
year years day days time times week month today people person man men woman women world
country countries state states new old good great big small high low long first last next
other many much make made take took give gave say said tell told get got go went come came
see saw know knew think thought want need use used work way thing things part place case
point group number fact right left hand life end home area call called ask asked try show
shown put set keep kept help start started turn turned move moved play played run ran live
lived believe hold held bring brought happen happened write wrote provide provided sit stand
lose lost pay paid meet met include included continue continued change changed lead led
understand watch follow followed stop create created speak spoke read allow allowed add added
spend grow grew open opened walk win won offer offered remember love consider considered
appear buy wait serve die send expect build stay fall cut reach kill remain suggest raise pass
sell require report decide pull`

var (
	commonOnce sync.Once
	common     map[string]bool
)

// commonStems is the set of stems of commonWords.
func commonStems() map[string]bool {
	commonOnce.Do(func() {
		common = map[string]bool{}
		for _, w := range strings.Fields(commonWords) {
			common[Stem(w)] = true
		}
	})
	return common
}
