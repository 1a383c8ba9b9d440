//! krait: embedding API.
