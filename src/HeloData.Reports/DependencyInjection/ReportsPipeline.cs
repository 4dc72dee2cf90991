using Polly;

namespace HeloData.Reports.DependencyInjection;

/// <summary>
/// The container's one resilience pipeline, shared by every handler chain the factory builds for the
/// SDK's client, so the circuit breaker counts every call of the application, not one chain's.
/// </summary>
internal sealed record ReportsPipeline(ResiliencePipeline<HttpResponseMessage> Pipeline);
