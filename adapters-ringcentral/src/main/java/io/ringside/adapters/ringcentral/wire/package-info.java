/**
 * Records shaped like RingCentral's JSON (names as in its OpenAPI spec; unknown properties are
 * ignored, so RingCentral adding fields breaks nothing). Only the fields Ringside reads are here.
 */
package io.ringside.adapters.ringcentral.wire;
