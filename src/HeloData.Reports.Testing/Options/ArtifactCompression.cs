namespace HeloData.Reports.Testing;

/// <summary>
/// How the sandbox's download host compresses the artifacts it serves. The contract lets an artifact
/// arrive gzip-compressed and tells a client to recognize it by <c>Content-Encoding</c> or by its first
/// two bytes, <c>1f 8b</c>; each of the two ways can be tested on its own.
/// </summary>
/// <remarks>
/// Compressed or not, the artifact is the same: decompressed, it is byte for byte what
/// <see cref="None"/> serves. <c>Content-Length</c> is that of the bytes sent (the compressed ones);
/// an artifact streamed with <see cref="ReportsSandboxOptions.ArtifactRowCount"/> is sent chunked. The
/// host compresses whatever the request's <c>Accept-Encoding</c> says, as an object store serving a
/// stored gzip object does. Gzip output comes from the runtime's zlib, so the compressed bytes, unlike
/// the artifact, may differ between runtimes and operating systems.
/// </remarks>
public enum ArtifactCompression
{
    /// <summary>The artifact as is (the default).</summary>
    None,

    /// <summary>
    /// HTTP compression: the body is the gzip-compressed artifact, with <c>Content-Encoding: gzip</c>
    /// and the artifact's own <c>Content-Type</c>. What a client with automatic decompression undoes
    /// unseen, and one without it must undo itself.
    /// </summary>
    ContentEncoding,

    /// <summary>
    /// A gzip file as the body, with no <c>Content-Encoding</c>: the artifact's <c>Content-Type</c> and
    /// file name are unchanged, so only the body's first two bytes, <c>1f 8b</c>, tell a client it is
    /// compressed (as when an object store serves an object that was uploaded gzipped).
    /// </summary>
    GzipBody,
}
