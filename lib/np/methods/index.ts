// Attaches NDArray's methods; imported once by lib/np/index.ts.
import './shape';
import './indexing';
import './ufuncs';
import './reductions';
import './linalg';
import './statistics';
import './sorting';
import './misc';
