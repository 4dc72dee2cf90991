namespace HeloData.Reports.Testing.State;

/// <summary>An error answer, as the service gives it: status plus <c>{"error":{"code","message","request_id"}}</c>.</summary>
internal sealed class SandboxError(int status, string code, string message) : Exception(message)
{
    public int Status { get; } = status;

    public string Code { get; } = code;

    public static SandboxError BadRequest(string message) => new(400, SandboxContract.Codes.BadRequest, message);

    public static SandboxError NotFound(string message) => new(404, SandboxContract.Codes.NotFound, message);

    public static SandboxError Invalid(string message) => new(422, SandboxContract.Codes.ValidationFailed, message);
}
