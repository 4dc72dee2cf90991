using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace HeloData.Reports.Tests.Architecture;

/// <summary>
/// Names a reader can trust: a type's simple name says which type it is across the whole repository, and
/// the sandbox's public types are in one namespace, so one <c>using</c> is all a test needs.
/// </summary>
public sealed class PackageNamingTests
{
    private const string TestingPackage = "HeloData.Reports.Testing";

    [Test]
    public void No_two_packages_declare_a_type_of_the_same_name()
    {
        var declared = SourcePackage.All
            .SelectMany(package => TopLevelTypes(package).Select(type => (Package: package.Name, type.Name, type.File)))
            .DistinctBy(type => (type.Package, type.Name))
            .GroupBy(type => type.Name)
            .Where(group => group.Count() > 1)
            .Select(group => $"{group.Key}: {string.Join(", ", group.Select(type => $"{type.Package} ({type.File})"))}");

        Assert.That(declared, Is.Empty, "rename one of each pair (a partial type's files count once)");
    }

    [Test]
    public void The_sandboxs_public_types_are_in_one_namespace()
    {
        var misplaced = TopLevelTypes(SourcePackage.Named(TestingPackage))
            .Where(type => type.IsPublic && type.Namespace != TestingPackage)
            .Select(type => $"{type.Name} ({type.File}) is in {type.Namespace}");

        Assert.That(misplaced, Is.Empty);
    }

    [Test]
    public void Each_folder_of_the_sandbox_is_one_namespace()
    {
        var folders = TopLevelTypes(SourcePackage.Named(TestingPackage))
            .GroupBy(type => Path.GetDirectoryName(type.File) ?? "")
            .Where(folder => folder.Select(type => type.Namespace).Distinct().Count() > 1)
            .Select(folder => $"{(folder.Key.Length == 0 ? "(root)" : folder.Key)}: {string.Join(", ", folder.Select(type => $"{type.Name} in {type.Namespace}"))}");

        Assert.That(folders, Is.Empty, "public folders are HeloData.Reports.Testing, internal ones HeloData.Reports.Testing.<Folder>");
    }

    // Types declared directly in a namespace, with the file (relative to the package) that declares them.
    private static IEnumerable<(string Name, string Namespace, bool IsPublic, string File)> TopLevelTypes(SourcePackage package) =>
        from path in package.SourceFiles()
        let root = CSharpSyntaxTree.ParseText(File.ReadAllText(path), new CSharpParseOptions(LanguageVersion.Latest)).GetRoot()
        from type in root.DescendantNodes().OfType<MemberDeclarationSyntax>()
        where type is BaseTypeDeclarationSyntax or DelegateDeclarationSyntax && type.Parent is BaseNamespaceDeclarationSyntax or CompilationUnitSyntax
        select (
            type is BaseTypeDeclarationSyntax declaration ? declaration.Identifier.Text : ((DelegateDeclarationSyntax)type).Identifier.Text,
            (type.Parent as BaseNamespaceDeclarationSyntax)?.Name.ToString() ?? "",
            type.Modifiers.Any(SyntaxKind.PublicKeyword),
            Path.GetRelativePath(package.Directory, path));
}
