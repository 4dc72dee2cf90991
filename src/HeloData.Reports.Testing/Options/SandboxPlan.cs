namespace HeloData.Reports.Testing;

/// <summary>The plan an API key belongs to. Reports are a Pro+ feature: a <see cref="Starter"/> key gets <c>403 feature_not_in_plan</c>.</summary>
public enum SandboxPlan
{
    /// <summary>Below Pro: every Reports endpoint answers <c>403 feature_not_in_plan</c>.</summary>
    Starter,

    /// <summary>Pro: Reports are included.</summary>
    Pro,

    /// <summary>Enterprise: Reports are included.</summary>
    Enterprise,
}
