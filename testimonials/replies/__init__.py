"""Our public replies to published testimonials: one each, written by an editor, shown
under the testimonial with who wrote it and when, and every earlier wording kept in
public once it is edited. A reply never changes the customer's words or rating."""
