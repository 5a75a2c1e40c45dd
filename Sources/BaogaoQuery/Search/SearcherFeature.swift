import BaogaoIndex

/// A feature of the engine (answers, definitions, mentions, fact lists, series):
/// a type of its own that runs over one command's `Searcher` — its snapshot, its
/// caches and its deadline — and reaches the index only through it. The features
/// call each other the same way (`ask` reads the glossary through `Glossary`),
/// so none of them is a method of `Searcher`, and none keeps state of its own.
protocol SearcherFeature: Sendable {
    var searcher: Searcher { get }
}

extension SearcherFeature {
    var snapshot: IndexSnapshot { searcher.snapshot }
    var index: IndexReader { searcher.index }
    var deadline: Deadline { searcher.deadline }
}
