'use strict';
// Before any test: the runtime bundle that notebooks run must be the current lib/.
module.exports = async () => {
  require('./runtime-bundle').ensureRuntimeBundle();
};
