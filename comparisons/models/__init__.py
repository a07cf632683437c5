from .comparison_pages import (
    ComparedCriterion,
    ComparedProduct,
    ComparisonIndexPage,
    ComparisonPage,
)
from .corrections import FactChange, InaccuracyReport
from .criteria import Criterion, RankedValue
from .evidence import FactVerification, SourceFlag, SourceState, WatchedSource
from .exit_guides import ExitGuidePage
from .facts import Fact
from .product_pages import NotSuitableFor, ProductIndexPage, ProductPage
from .products import Product

__all__ = [
    "ComparedCriterion",
    "ComparedProduct",
    "ComparisonIndexPage",
    "ComparisonPage",
    "Criterion",
    "ExitGuidePage",
    "Fact",
    "FactChange",
    "FactVerification",
    "InaccuracyReport",
    "NotSuitableFor",
    "Product",
    "ProductIndexPage",
    "ProductPage",
    "RankedValue",
    "SourceFlag",
    "SourceState",
    "WatchedSource",
]
