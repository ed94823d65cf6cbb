from models_library.models.documents import PortalDocument
from models_library.models.import_preview import ImportPreview
from models_library.models.import_record import ImportRecord
from models_library.models.index import LibraryIndexPage
from models_library.models.pages import (
    OperatingModelPage,
    OperatingModelTag,
    ProgrammePage,
    ProgrammeTag,
    Stage,
)
from models_library.models.pathway_index import PathwayIndexPage
from models_library.models.pathways import ServicePathwayPage
from models_library.models.related import (
    DevelopmentLogEntry,
    EvaluationCriterion,
    OperatingModelAttachment,
    OperatingModelLink,
    ProgrammeAttachment,
    ProgrammeLink,
)
from models_library.models.taxonomy import (
    BaseTaxonomy,
    Funder,
    Municipality,
    Phenomenon,
    Region,
    TargetGroup,
)

__all__ = [
    "BaseTaxonomy",
    "DevelopmentLogEntry",
    "EvaluationCriterion",
    "Funder",
    "ImportPreview",
    "ImportRecord",
    "LibraryIndexPage",
    "Municipality",
    "OperatingModelAttachment",
    "OperatingModelLink",
    "OperatingModelPage",
    "OperatingModelTag",
    "PathwayIndexPage",
    "Phenomenon",
    "PortalDocument",
    "ProgrammeAttachment",
    "ProgrammeLink",
    "ProgrammePage",
    "ProgrammeTag",
    "Region",
    "ServicePathwayPage",
    "Stage",
    "TargetGroup",
]
