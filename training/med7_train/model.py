"""A plain BERT (post-LN, GELU) with MLM and token-classification heads, in torch."""
import math

import torch
from torch import nn
import torch.nn.functional as F


class Config:
    def __init__(self, vocab_size=8000, hidden_size=256, num_hidden_layers=4, num_attention_heads=4,
                 intermediate_size=1024, max_position_embeddings=512, type_vocab_size=2, layer_norm_eps=1e-12,
                 hidden_dropout_prob=0.1, attention_probs_dropout_prob=0.1, num_labels=15):
        self.__dict__.update(locals())
        del self.__dict__["self"]


class Embeddings(nn.Module):
    def __init__(self, c):
        super().__init__()
        self.word_embeddings = nn.Embedding(c.vocab_size, c.hidden_size, padding_idx=0)
        self.position_embeddings = nn.Embedding(c.max_position_embeddings, c.hidden_size)
        self.token_type_embeddings = nn.Embedding(c.type_vocab_size, c.hidden_size)
        self.LayerNorm = nn.LayerNorm(c.hidden_size, eps=c.layer_norm_eps)
        self.dropout = nn.Dropout(c.hidden_dropout_prob)

    def forward(self, input_ids, token_type_ids):
        pos = torch.arange(input_ids.shape[1], device=input_ids.device).unsqueeze(0)
        x = self.word_embeddings(input_ids) + self.position_embeddings(pos) + self.token_type_embeddings(token_type_ids)
        return self.dropout(self.LayerNorm(x))


class Layer(nn.Module):
    def __init__(self, c):
        super().__init__()
        self.h, self.d = c.num_attention_heads, c.hidden_size // c.num_attention_heads
        self.query = nn.Linear(c.hidden_size, c.hidden_size)
        self.key = nn.Linear(c.hidden_size, c.hidden_size)
        self.value = nn.Linear(c.hidden_size, c.hidden_size)
        self.attn_out = nn.Linear(c.hidden_size, c.hidden_size)
        self.ln1 = nn.LayerNorm(c.hidden_size, eps=c.layer_norm_eps)
        self.inter = nn.Linear(c.hidden_size, c.intermediate_size)
        self.out = nn.Linear(c.intermediate_size, c.hidden_size)
        self.ln2 = nn.LayerNorm(c.hidden_size, eps=c.layer_norm_eps)
        self.drop = nn.Dropout(c.hidden_dropout_prob)
        self.adrop = nn.Dropout(c.attention_probs_dropout_prob)

    def forward(self, x, bias):
        b, n, _ = x.shape
        q = self.query(x).view(b, n, self.h, self.d).transpose(1, 2)
        k = self.key(x).view(b, n, self.h, self.d).transpose(1, 2)
        v = self.value(x).view(b, n, self.h, self.d).transpose(1, 2)
        a = torch.matmul(q, k.transpose(-1, -2)) / math.sqrt(self.d) + bias
        a = self.adrop(torch.softmax(a, dim=-1))
        y = torch.matmul(a, v).transpose(1, 2).reshape(b, n, self.h * self.d)
        x = self.ln1(x + self.drop(self.attn_out(y)))
        y = self.out(F.gelu(self.inter(x)))
        return self.ln2(x + self.drop(y))


class Bert(nn.Module):
    def __init__(self, c):
        super().__init__()
        self.config = c
        self.embeddings = Embeddings(c)
        self.layers = nn.ModuleList([Layer(c) for _ in range(c.num_hidden_layers)])
        self.apply(self._init)

    @staticmethod
    def _init(m):
        if isinstance(m, (nn.Linear, nn.Embedding)):
            m.weight.data.normal_(0.0, 0.02)
        if isinstance(m, nn.Linear) and m.bias is not None:
            m.bias.data.zero_()
        if isinstance(m, nn.LayerNorm):
            m.weight.data.fill_(1.0)
            m.bias.data.zero_()

    def forward(self, input_ids, attention_mask, token_type_ids):
        bias = (1.0 - attention_mask[:, None, None, :].to(torch.float32)) * -10000.0
        x = self.embeddings(input_ids, token_type_ids)
        for layer in self.layers:
            x = layer(x, bias)
        return x


class BertMLM(nn.Module):
    def __init__(self, c):
        super().__init__()
        self.bert = Bert(c)
        self.transform = nn.Linear(c.hidden_size, c.hidden_size)
        self.ln = nn.LayerNorm(c.hidden_size, eps=c.layer_norm_eps)
        self.decoder_bias = nn.Parameter(torch.zeros(c.vocab_size))
        Bert._init(self.transform)

    def forward(self, input_ids, attention_mask, token_type_ids, positions):
        h = self.bert(input_ids, attention_mask, token_type_ids)
        h = h.reshape(-1, h.shape[-1])[positions]
        # .float(): under bfloat16 autocast the transform's output is bfloat16, and torch 1.13's CPU
        # layer_norm refuses a bfloat16 input with float32 weights (a no-op in float32 training)
        h = self.ln(F.gelu(self.transform(h)).float())
        return h @ self.bert.embeddings.word_embeddings.weight.t() + self.decoder_bias


class BertTokenClassifier(nn.Module):
    def __init__(self, c):
        super().__init__()
        self.bert = Bert(c)
        self.dropout = nn.Dropout(c.hidden_dropout_prob)
        self.classifier = nn.Linear(c.hidden_size, c.num_labels)
        Bert._init(self.classifier)

    def forward(self, input_ids, attention_mask, token_type_ids):
        return self.classifier(self.dropout(self.bert(input_ids, attention_mask, token_type_ids)))
