using Polly;

namespace HeloData.Reports.Http;

/// <summary>
/// The resilience pipeline of one client (standalone) or one container (DI), shared by every handler
/// chain built for it: the circuit breaker counts every call of the application, not one chain's,
/// and outlives the factory's handler rotation.
/// </summary>
/// <param name="Pipeline">The Polly pipeline (<see cref="ReportsResilience.Build"/>).</param>
/// <param name="TimeProvider">The clock its strategies run on, which also stamps each call's start.</param>
internal sealed record ReportsPipeline(ResiliencePipeline<HttpResponseMessage> Pipeline, TimeProvider TimeProvider);
