"""Reading what a response says, rendered or streamed (as exports are)."""


def text(response):
    if response.streaming:
        return b"".join(response.streaming_content).decode()
    return response.content.decode()
