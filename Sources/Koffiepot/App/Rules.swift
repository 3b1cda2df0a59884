/// The pure rules (text, dates, presence, waiting lists, small cells, each feature's `*Rules`) live in their own
/// target, `KoffiepotRules`, which imports neither Vapor nor Fluent: the compiler keeps them pure, and their
/// tests build without the server. Every file of the app sees them through this one import.
@_exported import KoffiepotRules
