'use strict';
// Before any test: the runtime bundle that notebooks run must be the current lib/, and the optional
// native addon the current native/ sources (when this machine can build it).
module.exports = async () => {
  require('./runtime-bundle').ensureRuntimeBundle();
  require('./build-native').ensureNativeAddon();
};
