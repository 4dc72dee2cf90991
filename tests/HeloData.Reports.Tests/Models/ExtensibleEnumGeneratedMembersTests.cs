using System.ComponentModel;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using HeloData.Reports.Models;

namespace HeloData.Reports.Tests.Models;

/// <summary>
/// The members that src/HeloData.Reports.Generators writes into every <c>[ExtensibleEnum]</c> struct,
/// checked on each of the six types through its public surface (by reflection, so one test body
/// serves all six): a mistake in the template that still compiles fails here. The well-known values
/// themselves are checked in <see cref="ExtensibleEnumTests"/>.
/// </summary>
public sealed class ExtensibleEnumGeneratedMembersTests
{
    private static readonly Type[] ValueTypes =
        [typeof(ReportType), typeof(ReportFormat), typeof(ReportProduct), typeof(RunStatus), typeof(ReportsErrorCode)];

    private static IEnumerable<TestCaseData> EveryValueType() =>
        ValueTypes.Select(type => new TestCaseData(type).SetArgDisplayNames(type.Name));

    [Test]
    public void The_six_are_every_extensible_enum_of_the_sdk()
    {
        // A sixth one must be added to ValueTypes, and so get these tests.
        var found = typeof(ReportType).Assembly.GetTypes()
            .Where(type => type.GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IExtensibleEnum<>)));

        Assert.That(found, Is.EquivalentTo(ValueTypes));
    }

    [TestCaseSource(nameof(EveryValueType))]
    public void Is_a_public_readonly_equatable_struct_with_the_json_converter(Type type)
    {
        Assert.That(type is { IsValueType: true, IsPublic: true }, Is.True);
        Assert.That(type.CustomAttributes.Select(a => a.AttributeType.Name), Does.Contain("IsReadOnlyAttribute"));
        Assert.That(type.GetInterfaces(), Does.Contain(typeof(IEquatable<>).MakeGenericType(type)));
        // Written by hand next to [ExtensibleEnum]: without it the JSON source generator would write an object.
        Assert.That(type.GetCustomAttribute<JsonConverterAttribute>()?.ConverterType, Is.EqualTo(typeof(ExtensibleEnumConverter<>).MakeGenericType(type)));
        // The marker is [Conditional]: it means nothing at run time and is not kept.
        Assert.That(type.CustomAttributes.Select(a => a.AttributeType.Name), Does.Not.Contain("ExtensibleEnumAttribute"));
    }

    [TestCaseSource(nameof(EveryValueType))]
    public void Equals_object_and_GetHashCode_are_hidden_from_IntelliSense(Type type)
    {
        Assert.That(Browsable(type.GetMethod(nameof(Equals), [typeof(object)])!), Is.EqualTo(EditorBrowsableState.Never));
        Assert.That(Browsable(type.GetMethod(nameof(GetHashCode), Type.EmptyTypes)!), Is.EqualTo(EditorBrowsableState.Never));
        Assert.That(Browsable(type.GetMethod(nameof(Equals), [type])!), Is.Null, "Equals(T) stays visible");
        Assert.That(Browsable(type.GetMethod(nameof(ToString), Type.EmptyTypes)!), Is.Null);
    }

    [TestCaseSource(nameof(EveryValueType))]
    public void Every_equality_member_ignores_case_and_the_spelling_is_kept(Type type)
    {
        var lower = Create(type, "some_future_value");
        var mixed = Create(type, "Some_FUTURE_Value");
        var other = Create(type, "another_value");

        Assert.That(lower.Equals(mixed), Is.True, "Equals(object)");
        Assert.That(Invoke<bool>(type, nameof(Equals), lower, mixed), Is.True, "Equals(T)");
        Assert.That(lower.GetHashCode(), Is.EqualTo(mixed.GetHashCode()));
        Assert.That(Invoke<bool>(type, "op_Equality", null, lower, mixed), Is.True);
        Assert.That(Invoke<bool>(type, "op_Inequality", null, lower, mixed), Is.False);
        Assert.That(Invoke<bool>(type, nameof(Equals), lower, other), Is.False);
        Assert.That(Invoke<bool>(type, "op_Equality", null, lower, other), Is.False);
        Assert.That(Invoke<bool>(type, "op_Inequality", null, lower, other), Is.True);
        Assert.That(mixed.ToString(), Is.EqualTo("Some_FUTURE_Value"));
    }

    [TestCaseSource(nameof(EveryValueType))]
    public void Equals_object_is_false_for_a_string_null_or_another_value_type(Type type)
    {
        var value = Create(type, "same");
        var anotherType = ValueTypes.First(t => t != type);

        Assert.That(value.Equals("same"), Is.False);
        Assert.That(value.Equals(Create(anotherType, "same")), Is.False);
        Assert.That(value.Equals(null), Is.False);
    }

    [TestCaseSource(nameof(EveryValueType))]
    public void The_implicit_conversion_from_string_is_the_constructor(Type type)
    {
        var converted = Invoke<object>(type, "op_Implicit", null, "Mixed_Case");

        Assert.That(converted, Is.TypeOf(type));
        Assert.That(converted, Is.EqualTo(Create(type, "mixed_case")));
        Assert.That(converted.ToString(), Is.EqualTo("Mixed_Case"));
    }

    [TestCaseSource(nameof(EveryValueType))]
    public void Null_is_rejected_by_the_constructor_and_the_conversion_naming_value(Type type)
    {
        var constructor = Assert.Throws<ArgumentNullException>(() => Create(type, null));
        var conversion = Assert.Throws<ArgumentNullException>(() => Invoke<object>(type, "op_Implicit", null, [null]));

        Assert.That(constructor!.ParamName, Is.EqualTo("value"));
        Assert.That(conversion!.ParamName, Is.EqualTo("value"));
    }

    [TestCaseSource(nameof(EveryValueType))]
    public void Default_is_empty_text_equal_only_to_default_and_json_null(Type type)
    {
        var value = Activator.CreateInstance(type)!;

        Assert.That(value.ToString(), Is.Empty);
        Assert.That(value, Is.EqualTo(Activator.CreateInstance(type)));
        Assert.That(Invoke<bool>(type, "op_Equality", null, value, Create(type, "")), Is.False, "default is JSON null, not \"\"");
        Assert.That(JsonSerializer.Serialize(value, type, ReportsJsonContext.Default), Is.EqualTo("null"));
        Assert.That(JsonSerializer.Deserialize("null", type, ReportsJsonContext.Default), Is.EqualTo(value));
    }

    [TestCaseSource(nameof(EveryValueType))]
    public void An_unknown_value_round_trips_through_json_as_spelled(Type type)
    {
        var value = JsonSerializer.Deserialize("\"Not_Yet_Known\"", type, ReportsJsonContext.Default);

        Assert.That(value, Is.TypeOf(type));
        Assert.That(value!.ToString(), Is.EqualTo("Not_Yet_Known"));
        Assert.That(value, Is.EqualTo(Create(type, "not_yet_known")));
        Assert.That(JsonSerializer.Serialize(value, type, ReportsJsonContext.Default), Is.EqualTo("\"Not_Yet_Known\""));
    }

    private static object Create(Type type, string? wire) =>
        type.GetConstructor([typeof(string)])!.Invoke(BindingFlags.DoNotWrapExceptions, null, [wire], null);

    // Calls a public method found by its arguments' types (a null argument stands for a string), and
    // throws what the method throws rather than a TargetInvocationException.
    private static T Invoke<T>(Type type, string name, object? target, params object?[] arguments)
    {
        var method = type.GetMethod(name, arguments.Select(a => a?.GetType() ?? typeof(string)).ToArray())!;
        return (T)method.Invoke(target, BindingFlags.DoNotWrapExceptions, null, arguments, null)!;
    }

    private static EditorBrowsableState? Browsable(MethodInfo method) =>
        method.GetCustomAttribute<EditorBrowsableAttribute>()?.State;
}
