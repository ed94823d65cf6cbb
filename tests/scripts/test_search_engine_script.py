"""scripts/search-engine.sh runs OpenSearch on an installed Java 21+ when there is one.

The machine's default Java is often 17 while a newer JVM sits in /usr/lib/jvm; the
script must find it instead of downloading its own (a 208 MB provisioning step).
Fake `java` commands stand in for the JVMs: each reports only its version.
"""

import os
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / "scripts" / "search-engine.sh"


def _fake_java(folder, version):
    java = folder / "bin" / "java"
    java.parent.mkdir(parents=True)
    java.write_text(
        "#!/bin/sh\n"
        f"echo '    java.specification.version = {version}' >&2\n"
        f"echo 'openjdk version \"{version}.0.1\"' >&2\n"
    )
    java.chmod(0o755)
    return java


def _chosen_java(tmp_path, jvms, path_java_version=17):
    jvm_dir = tmp_path / "jvm"
    jvm_dir.mkdir()
    made = {name: _fake_java(jvm_dir / name, version) for name, version in jvms.items()}
    path_java = _fake_java(tmp_path / "default-java", path_java_version)
    env = {
        **{k: v for k, v in os.environ.items() if k not in ("JAVA_HOME", "SEARCH_ENGINE_JAVA")},
        "PATH": f"{path_java.parent}:/usr/bin:/bin",
        "SEARCH_ENGINE_JVM_DIR": str(jvm_dir),
        "XDG_CACHE_HOME": str(tmp_path / "cache"),  # no previously provisioned JDK
    }
    result = subprocess.run([SCRIPT, "java", "opensearch"], env=env, capture_output=True,
                            text=True, timeout=60, check=False)
    return result, made


def test_newest_installed_java_21_or_later_is_used_beside_a_default_java_17(tmp_path):
    result, made = _chosen_java(tmp_path, {
        "java-17-openjdk-amd64": 17, "java-21-openjdk-amd64": 21, "temurin-25-jdk-amd64": 25,
    })
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == str(made["temurin-25-jdk-amd64"])
    assert not (tmp_path / "cache").exists()  # nothing was provisioned


def test_only_java_17_installed_is_reported_not_used(tmp_path):
    result, _made = _chosen_java(tmp_path, {"java-17-openjdk-amd64": 17})
    assert result.returncode == 1
    assert "no installed Java 21 or newer" in result.stderr
    assert not (tmp_path / "cache").exists()


def test_java_on_the_path_wins_when_it_is_new_enough(tmp_path):
    result, _made = _chosen_java(tmp_path, {"temurin-25-jdk-amd64": 25}, path_java_version=21)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "java"
