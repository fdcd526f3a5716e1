-module(bs_parse_loop).
-export([main/0]).

%% Parses a TLV stream, a CSV-like text and an HTTP-like request from binaries.
main() ->
    TLV = tlv_encode([{1, <<"alpha">>}, {2, <<1, 2, 3>>}, {300, <<>>}, {7, binary:copy(<<"x">>, 300)}]),
    erlang:display(byte_size(TLV)),
    Decoded = tlv_decode(TLV),
    erlang:display([{T, byte_size(V)} || {T, V} <- Decoded]),
    erlang:display(hd(Decoded)),
    erlang:display(csv(<<"name,age,city\nann,31,paris\nbob,25,\n,,\n">>)),
    erlang:display(request(<<"GET /index.html HTTP/1.1\r\nHost: example.org\r\nAccept: */*\r\n\r\nbody">>)),
    erlang:display(varints(<<172, 2, 1, 128, 1, 255, 255, 3, 0>>)),
    erlang:display(varint_encode_all([300, 1, 128, 65535, 0, 1 bsl 40])),
    erlang:display(varints(varint_encode_all([300, 1, 128, 65535, 0, 1 bsl 40]))),
    ok.

tlv_encode(Items) -> << <<T:16, (byte_size(V)):16, V/binary>> || {T, V} <- Items >>.

tlv_decode(<<T:16, L:16, V:L/binary, Rest/binary>>) -> [{T, V} | tlv_decode(Rest)];
tlv_decode(<<>>) -> [].

csv(Bin) -> [fields(Line, <<>>, []) || Line <- lines(Bin, <<>>)].

lines(<<$\n, R/binary>>, Acc) -> [Acc | lines(R, <<>>)];
lines(<<C, R/binary>>, Acc) -> lines(R, <<Acc/binary, C>>);
lines(<<>>, <<>>) -> [];
lines(<<>>, Acc) -> [Acc].

fields(<<$,, R/binary>>, Acc, Fs) -> fields(R, <<>>, [Acc | Fs]);
fields(<<C, R/binary>>, Acc, Fs) -> fields(R, <<Acc/binary, C>>, Fs);
fields(<<>>, Acc, Fs) -> lists:reverse([Acc | Fs]).

request(Bin) ->
    [ReqLine, Rest] = binary:split(Bin, <<"\r\n">>),
    [Method, Path, Version] = binary:split(ReqLine, <<" ">>, [global]),
    {Headers, Body} = headers(Rest, []),
    {Method, Path, Version, Headers, Body}.

headers(<<"\r\n", Body/binary>>, Acc) -> {lists:reverse(Acc), Body};
headers(Bin, Acc) ->
    [Line, Rest] = binary:split(Bin, <<"\r\n">>),
    [K, V] = binary:split(Line, <<": ">>),
    headers(Rest, [{K, V} | Acc]).

varints(<<>>) -> [];
varints(Bin) -> {V, R} = varint(Bin, 0, 0), [V | varints(R)].

varint(<<1:1, X:7, R/binary>>, Shift, Acc) -> varint(R, Shift + 7, Acc bor (X bsl Shift));
varint(<<0:1, X:7, R/binary>>, Shift, Acc) -> {Acc bor (X bsl Shift), R}.

varint_encode_all(L) -> << <<(varint_encode(X))/binary>> || X <- L >>.

varint_encode(X) when X < 128 -> <<X>>;
varint_encode(X) -> <<1:1, (X band 127):7, (varint_encode(X bsr 7))/binary>>.
