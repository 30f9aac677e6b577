//! Building a framework one indicator at a time (the draft's builder and
//! the import): placing, replacing and removing indicators in the tree,
//! and telling the problems a draft may still have (weights that do not
//! add up yet) from those it may never hold (a level above the
//! indicator's points, a duplicate code).

use super::framework::{Body, Framework, FrameworkError, Node};
use super::indicator_row::Field;
use super::points::Points;

/// Why an edit of the tree cannot be made.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum EditError {
    #[error("没有编号为 {0} 的指标")]
    NoSuchIndicator(String),
    #[error("上级指标 {0} 不存在或不是分组指标")]
    NoSuchGroup(String),
    #[error("指标 {0} 还有下级指标，不能改为计分指标；请先删除其下级指标")]
    HasChildren(String),
    #[error("指标 {0} 不能作为自己或其下级指标的下级")]
    Cycle(String),
}

impl EditError {
    /// The row field the error belongs to.
    pub fn field(&self) -> Field {
        match self {
            EditError::NoSuchIndicator(_) => Field::Code,
            EditError::NoSuchGroup(_) | EditError::Cycle(_) => Field::Parent,
            EditError::HasChildren(_) => Field::Method,
        }
    }
}

impl FrameworkError {
    /// A problem a draft may have while it is being built: sums that do
    /// not add up yet, a group still without indicators. Publishing needs
    /// none; every other problem is refused when the draft is saved.
    pub fn is_incomplete(&self) -> bool {
        matches!(
            self,
            FrameworkError::TopLevelSum { .. }
                | FrameworkError::GroupSum { .. }
                | FrameworkError::EmptyGroup { .. }
        )
    }

    /// The indicator the problem is about, if one.
    pub fn code(&self) -> Option<&str> {
        match self {
            FrameworkError::GroupSum { code, .. }
            | FrameworkError::EmptyGroup { code }
            | FrameworkError::Negative { code }
            | FrameworkError::LevelsTop { code, .. }
            | FrameworkError::LevelLabels { code }
            | FrameworkError::ChecklistSum { code, .. }
            | FrameworkError::RangeMin { code, .. }
            | FrameworkError::VetoPoints { code, .. }
            | FrameworkError::VetoCap { code, .. } => Some(code),
            FrameworkError::DuplicateCode(code) => Some(code),
            FrameworkError::TopLevelSum { .. }
            | FrameworkError::Unnamed
            | FrameworkError::Bands => None,
        }
    }

    /// The row field the problem shows at (the bands' problem at none).
    pub fn field(&self) -> Option<Field> {
        Some(match self {
            FrameworkError::TopLevelSum { .. }
            | FrameworkError::GroupSum { .. }
            | FrameworkError::Negative { .. }
            | FrameworkError::VetoPoints { .. } => Field::Points,
            FrameworkError::EmptyGroup { .. } => Field::Method,
            FrameworkError::DuplicateCode(_) => Field::Code,
            FrameworkError::Unnamed => Field::Title,
            FrameworkError::LevelsTop { .. }
            | FrameworkError::LevelLabels { .. }
            | FrameworkError::ChecklistSum { .. } => Field::Options,
            FrameworkError::RangeMin { .. } => Field::Min,
            FrameworkError::VetoCap { .. } => Field::Cap,
            FrameworkError::Bands => return None,
        })
    }
}

impl Framework {
    /// An empty draft worth `total`, with the usual bands (优秀 90%, 良好
    /// 75%, 合格 60%, 不合格 0 of the total).
    pub fn empty(total: Points) -> Framework {
        let bands = [("优秀", 90), ("良好", 75), ("合格", 60), ("不合格", 0)]
            .into_iter()
            .map(|(label, percent)| super::framework::Band {
                label: label.into(),
                min: Points(total.0 * percent / 100),
            })
            .collect();
        Framework {
            total,
            items: vec![],
            bands,
        }
    }

    /// The problems a draft may never hold (see [`FrameworkError::is_incomplete`]).
    pub fn blocking(&self) -> Vec<FrameworkError> {
        self.check()
            .into_iter()
            .filter(|e| !e.is_incomplete())
            .collect()
    }

    /// The indicator `code` and its parent's code (none at the top).
    pub fn find(&self, code: &str) -> Option<(Option<&str>, &Node)> {
        fn walk<'a>(
            nodes: &'a [Node],
            parent: Option<&'a str>,
            code: &str,
        ) -> Option<(Option<&'a str>, &'a Node)> {
            nodes.iter().find_map(|n| {
                if n.code.trim() == code {
                    return Some((parent, n));
                }
                match &n.body {
                    Body::Group(children) => walk(children, Some(n.code.trim()), code),
                    Body::Leaf(_) => None,
                }
            })
        }
        walk(&self.items, None, code.trim())
    }

    /// Adds `node` as the last indicator under the group `parent` (at the
    /// top when none).
    pub fn insert(&mut self, parent: Option<&str>, node: Node) -> Result<(), EditError> {
        let siblings = match parent {
            None => &mut self.items,
            Some(p) => match nodes_mut(&mut self.items, p.trim()).map(|n| &mut n.body) {
                Some(Body::Group(children)) => children,
                _ => return Err(EditError::NoSuchGroup(p.trim().into())),
            },
        };
        siblings.push(node);
        Ok(())
    }

    /// Puts `node` in the place of the indicator `original`, keeping its
    /// children when both are groups; under another parent it moves to the
    /// end of that group. A group with children cannot become a leaf.
    pub fn replace(
        &mut self,
        original: &str,
        parent: Option<&str>,
        mut node: Node,
    ) -> Result<(), EditError> {
        let original = original.trim();
        let (old_parent, old) = self
            .find(original)
            .ok_or_else(|| EditError::NoSuchIndicator(original.into()))?;
        let old_parent = old_parent.map(str::to_string);
        match (&old.body, &mut node.body) {
            (Body::Group(children), Body::Group(new)) => *new = children.clone(),
            (Body::Group(children), Body::Leaf(_)) if !children.is_empty() => {
                return Err(EditError::HasChildren(original.into()))
            }
            _ => {}
        }
        let parent = parent.map(str::trim);
        if let Some(p) = parent {
            if p == original || old.find_below(p) {
                return Err(EditError::Cycle(original.into()));
            }
        }
        if parent == old_parent.as_deref() {
            let slot = nodes_mut(&mut self.items, original)
                .ok_or_else(|| EditError::NoSuchIndicator(original.into()))?;
            *slot = node;
            return Ok(());
        }
        let mut moved = self.clone();
        moved.remove(original)?;
        moved.insert(parent, node)?;
        *self = moved;
        Ok(())
    }

    /// Removes the indicator `code` with everything below it.
    pub fn remove(&mut self, code: &str) -> Result<Node, EditError> {
        fn take(nodes: &mut Vec<Node>, code: &str) -> Option<Node> {
            if let Some(i) = nodes.iter().position(|n| n.code.trim() == code) {
                return Some(nodes.remove(i));
            }
            nodes.iter_mut().find_map(|n| match &mut n.body {
                Body::Group(children) => take(children, code),
                Body::Leaf(_) => None,
            })
        }
        take(&mut self.items, code.trim()).ok_or_else(|| EditError::NoSuchIndicator(code.into()))
    }
}

impl Node {
    /// Whether an indicator `code` lies below this one.
    fn find_below(&self, code: &str) -> bool {
        match &self.body {
            Body::Group(children) => children
                .iter()
                .any(|c| c.code.trim() == code || c.find_below(code)),
            Body::Leaf(_) => false,
        }
    }
}

fn nodes_mut<'a>(nodes: &'a mut [Node], code: &str) -> Option<&'a mut Node> {
    for n in nodes.iter_mut() {
        if n.code.trim() == code {
            return Some(n);
        }
        if let Body::Group(children) = &mut n.body {
            if let Some(found) = nodes_mut(children, code) {
                return Some(found);
            }
        }
    }
    None
}
